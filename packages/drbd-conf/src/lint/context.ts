import type { RuleReport } from '@ftkit/core';
import type { DrbdVersion, SectionKind } from '../model/options.js';
import type { DrbdParseResult } from '../parse.js';
import type { DrbdConfig, DrbdOption, DrbdResource, DrbdSection } from '../schema.js';

/** What every drbd-conf lint rule receives as `doc`. */
export interface DrbdLintDoc {
  readonly result: DrbdParseResult;
  readonly model: DrbdConfig;
  readonly version: DrbdVersion;
  readonly text: string;
  /** The main file's name (diagnostics for other files carry theirs). */
  readonly fileName: string | undefined;
}

/** Where a section sits. */
export type SectionPlace = 'common' | 'resource' | 'host' | 'volume' | 'connection' | 'mesh' | 'proxy';

/** Every option section of the config with its resource (undefined for common) and place. */
export function* sections(
  cfg: DrbdConfig,
): Generator<{ section: DrbdSection; resource?: DrbdResource; place: SectionPlace }> {
  if (cfg.common) for (const s of cfg.common.sections) yield { section: s, place: 'common' };
  for (const r of cfg.resources) {
    for (const s of r.sections) yield { section: s, resource: r, place: 'resource' };
    for (const v of r.volumes)
      if (v.diskOptions) yield { section: v.diskOptions, resource: r, place: 'volume' };
    for (const h of r.hosts) {
      if (h.options) yield { section: h.options, resource: r, place: 'host' };
      for (const v of h.volumes)
        if (v.diskOptions) yield { section: v.diskOptions, resource: r, place: 'volume' };
      if (h.proxy?.options) yield { section: h.proxy.options, resource: r, place: 'proxy' };
    }
    for (const c of r.connections) {
      if (c.net) yield { section: c.net, resource: r, place: 'connection' };
      if (c.disk) yield { section: c.disk, resource: r, place: 'connection' };
      for (const v of c.volumes) if (v.disk) yield { section: v.disk, resource: r, place: 'connection' };
    }
    for (const m of r.meshes) if (m.net) yield { section: m.net, resource: r, place: 'mesh' };
  }
}

/** Every option with its section. */
export function* options(
  cfg: DrbdConfig,
): Generator<{ option: DrbdOption; section: DrbdSection; resource?: DrbdResource; place: SectionPlace }> {
  for (const x of sections(cfg)) for (const o of x.section.options) yield { option: o, ...x };
}

/** The section of `kind` a syncer option lands in under 8.4 (`verify-alg` → net …). */
const SYNCER_HOME: Readonly<Record<string, SectionKind>> = {
  'verify-alg': 'net',
  'csums-alg': 'net',
  'use-rle': 'net',
  'cpu-mask': 'options',
  'on-no-data-accessible': 'options',
};

const ALIAS: Readonly<Record<string, string>> = {
  rate: 'resync-rate',
  after: 'resync-after',
  'outdate-peer': 'fence-peer',
};

/**
 * The effective value of an option for a resource: resource-level sections first (with the
 * legacy `protocol` statement and 8.4 `syncer` options), then `common`. `found` is the option
 * that set it (for positions), absent for defaults and the legacy protocol statement.
 */
export function effective(
  cfg: DrbdConfig,
  r: DrbdResource | undefined,
  kind: SectionKind,
  name: string,
): { value: string | undefined; option?: DrbdOption; set: boolean } {
  const look = (secs: readonly DrbdSection[], protocol: string | undefined) => {
    let hit: DrbdOption | undefined;
    for (const s of secs) {
      for (const o of s.options) {
        const n = ALIAS[o.name] ?? o.name;
        const home = s.kind === 'syncer' ? (SYNCER_HOME[n] ?? 'disk') : s.kind;
        if (n === name && home === kind) hit = o;
      }
    }
    if (hit) return { value: optionValue(hit), option: hit, set: true };
    if (kind === 'net' && name === 'protocol' && protocol !== undefined)
      return { value: protocol, set: true };
    return undefined;
  };
  return (
    (r && look(r.sections, r.protocol)) ??
    (cfg.common && look(cfg.common.sections, cfg.common.protocol)) ?? { value: undefined, set: false }
  );
}

/** An option's value as drbdadm stores it (`name;` → `yes`, `no-name;` → `no`). */
export function optionValue(o: DrbdOption): string {
  if (o.value !== undefined) return o.value;
  return o.negated ? 'no' : 'yes';
}

/** The protocol letter in effect (default C). */
export function protocolOf(cfg: DrbdConfig, r: DrbdResource | undefined): string {
  return (effective(cfg, r, 'net', 'protocol').value ?? 'C').toUpperCase();
}

/** Spread into a report: the span and (when not the main file) the file of a model node. */
export function at(
  node: { span?: { start: number; end: number }; file?: string },
  doc: DrbdLintDoc,
): Pick<RuleReport, 'span' | 'file'> {
  const span = node.span ?? { start: 0, end: 0 };
  return node.file !== undefined && node.file !== doc.fileName ? { span, file: node.file } : { span };
}

/** A rule's docs URL. */
export const ruleUrl = (id: string) =>
  `https://github.com/ftkit/ftkit/blob/main/docs/rules/drbd-conf/${id}.md`;
