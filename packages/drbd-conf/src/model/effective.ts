import type { DrbdConfig, DrbdHost, DrbdOption, DrbdResource, DrbdVolume } from '../schema.js';
import { nameMatches } from './hosts.js';
import { effectiveNodeIds } from './node-id.js';
import {
  type DrbdVersion,
  OPTION_TABLES,
  optionSpec,
  type SectionKind,
  SYNCER_84,
  scaledValue,
} from './options.js';
import { commonOf } from './template.js';
import { hostVolumes } from './volumes.js';

/** One option after inheritance: its value text, the number in the option's scale, and where it was set. */
export interface EffectiveOption {
  readonly name: string;
  /** The value as drbdadm stores it (`name;` → `yes`). */
  readonly value: string;
  /** For numeric options: the value in the option's scale (`10M` with scale `k` → 10240). */
  readonly number?: number;
  /** Where it was set: `common`, `resource`, or `default` (from the option table). */
  readonly from: 'common' | 'resource' | 'default';
  readonly option?: DrbdOption;
}

/** The configuration one host of one resource runs with (reference Appendix B). */
export interface EffectiveHost {
  readonly resource: string;
  readonly host: DrbdHost;
  readonly nodeId?: number;
  /** Volumes after resource-level statements were filled in, by volume number. */
  readonly volumes: ReadonlyMap<number, DrbdVolume>;
  /** Section → option name → effective option (defaults included for every known option). */
  readonly sections: ReadonlyMap<SectionKind, ReadonlyMap<string, EffectiveOption>>;
}

const ALIAS: Readonly<Record<string, string>> = {
  rate: 'resync-rate',
  after: 'resync-after',
  'outdate-peer': 'fence-peer',
};

/**
 * Applies inheritance for `host` (a name after `on`) of resource `resource`: common options are
 * defaults, resource options win, 8.4 `syncer` options land in their real sections, resource-level
 * volumes fill what the host leaves unset, and options not written anywhere get their table
 * default. Host-level `options { }` are ignored, as drbdadm ignores them. `undefined` when the
 * resource or host does not exist.
 */
export function effectiveHost(model: DrbdConfig, resource: string, host: string): EffectiveHost | undefined {
  const v: DrbdVersion = model.drbdVersion;
  const r: DrbdResource | undefined = model.resources.find((x) => x.name === resource);
  const h = r?.hosts.find((x) => x.names.some((n) => nameMatches(n, host, v)));
  if (!r || !h) return undefined;
  const sections = new Map<SectionKind, Map<string, EffectiveOption>>();
  const put = (kind: SectionKind, o: DrbdOption, from: 'common' | 'resource') => {
    const name = ALIAS[o.name] ?? o.name;
    const target: SectionKind =
      kind === 'syncer' ? (v === '8.4' ? (SYNCER_84.get(o.name)?.section ?? 'disk') : 'disk') : kind;
    const spec = optionSpec(v, target, name);
    const value = o.value ?? (o.negated ? 'no' : 'yes');
    const num = spec?.type === 'num' || spec?.type === 'enumnum' ? scaledValue(value, spec.scale) : undefined;
    const m = sections.get(target) ?? new Map<string, EffectiveOption>();
    sections.set(target, m);
    m.set(name, { name, value, ...(num !== undefined ? { number: num } : {}), from, option: o });
  };
  // a `template-file` (when read) replaces the configuration's common for this resource
  const common = commonOf(model, r);
  for (const s of common?.sections ?? []) for (const o of s.options) put(s.kind, o, 'common');
  if (common?.protocol !== undefined) put('net', { name: 'protocol', value: common.protocol }, 'common');
  if (r.protocol !== undefined) put('net', { name: 'protocol', value: r.protocol }, 'resource');
  for (const s of r.sections) for (const o of s.options) put(s.kind, o, 'resource');
  for (const kind of ['disk', 'net', 'options', 'startup'] as const) {
    const m = sections.get(kind) ?? new Map<string, EffectiveOption>();
    sections.set(kind, m);
    for (const [name, spec] of optionSpecs(v, kind)) {
      if (m.has(name) || spec.default === undefined) continue;
      const num = spec.type === 'num' ? scaledValue(spec.default, spec.scale) : undefined;
      m.set(name, {
        name,
        value: spec.default,
        ...(num !== undefined ? { number: num } : {}),
        from: 'default',
      });
    }
  }
  const ids = v === '9' ? effectiveNodeIds(r) : undefined;
  const nodeId = ids?.get(h);
  const volumes = new Map<number, DrbdVolume>();
  // a copy: the effective host is the caller's to change, the model's volumes are not
  for (const [n, { vol }] of hostVolumes(r, h)) volumes.set(n, { ...vol });
  return { resource: r.name, host: h, ...(nodeId !== undefined ? { nodeId } : {}), volumes, sections };
}

function optionSpecs(v: DrbdVersion, kind: SectionKind) {
  const out = new Map<string, NonNullable<ReturnType<typeof optionSpec>>>();
  for (const [name, s] of OPTION_TABLES[v][kind] ?? new Map()) if (!s.alias && !s.ignored) out.set(name, s);
  return out;
}
