import { FtkitError } from '@ftkit/core';
import { classifyWord, MAX_STRING } from './cst/lexer.js';
import { KEYWORDS } from './model/keywords.js';
import type { DrbdVersion } from './model/options.js';
import { protocolSpan } from './model/protocol-span.js';
import type {
  DrbdAddress,
  DrbdConfig,
  DrbdConnection,
  DrbdEndpoint,
  DrbdHost,
  DrbdMetaDisk,
  DrbdOption,
  DrbdProxyHost,
  DrbdSection,
  DrbdVolume,
} from './schema.js';

/** Options of {@link emit}. */
export interface EmitOptions {
  /** Target parser (decides which words must be quoted); default: the model's version. */
  readonly drbdVersion?: DrbdVersion;
  /** One indentation level; default four spaces. */
  readonly indent?: string;
}

/**
 * A string as a drbd.conf token (reference §1.9): bare when it is a plain word that is not a
 * keyword, number, IPv4 address or (9) `N.N.N`; otherwise double-quoted with `"` and `\` escaped.
 * Throws an `FtkitError` (`drbd/lexical`) for text drbdadm cannot read back (a newline, more than
 * 255 characters); `emit` of a model holding such text throws it too.
 */
export function quote(s: string, version: DrbdVersion = '9'): string {
  if (s.includes('\n'))
    throw new FtkitError('drbd/lexical', 'Invalid text: a drbd.conf string cannot hold a newline');
  if (s.length > 0 && s.length <= 128 && /^[A-Za-z0-9/._-]+$/.test(s)) {
    const kind = classifyWord(s);
    const bare = kind === 'word' || (kind === 'kmodvers' && version === '8.4');
    if (bare && !KEYWORDS[version].has(s)) return s;
  }
  const escaped = s.replace(/[\\"]/g, (c) => `\\${c}`);
  if (s.length > MAX_STRING)
    throw new FtkitError('drbd/lexical', `Invalid text: longer than ${MAX_STRING} characters`);
  return `"${escaped}"`;
}

/**
 * An option value: numbers (with unit suffix) and the keywords `yes`, `no` and `on` stay bare,
 * as drbdadm-84 requires keyword tokens for booleans; everything else follows {@link quote}.
 */
export function quoteValue(s: string, version: DrbdVersion = '9'): string {
  if (/^[0-9]{1,8}[KMGs]?$/.test(s) || s === 'yes' || s === 'no' || s === 'on') return s;
  return quote(s, version);
}

/** Writes a model as clean, canonical drbd.conf text (for generated files). Comments are not kept. */
export function emit(model: DrbdConfig, options: EmitOptions = {}): string {
  const v = options.drbdVersion ?? model.drbdVersion;
  const unit = options.indent ?? '    ';
  const q = (s: string) => quote(s, v);
  const out: string[] = [];
  const line = (depth: number, text: string) => out.push(`${unit.repeat(depth)}${text}`);
  const addr = (a: DrbdAddress) =>
    a.family === 'ipv6' ? `ipv6 [${a.ip}]:${a.port}` : `${a.family ? `${a.family} ` : ''}${a.ip}:${a.port}`;
  const optText = (o: DrbdOption) => {
    if (o.value === undefined) return o.negated ? `no-${o.name};` : `${o.name};`;
    const vals = [o.value, ...(o.more ?? [])].map((x) => quoteValue(x, v)).join(' ');
    // `no-X VALUE` is kept as written: DRBD 9 ignores the prefix, 8.4 rejects it (lint explains)
    return `${o.negated ? 'no-' : ''}${o.name} ${vals};`;
  };
  const section = (depth: number, s: DrbdSection, head: string = s.kind) => {
    line(depth, `${head} {`);
    for (const o of s.options) line(depth + 1, optText(o));
    if (s.plugins && s.plugins.length > 0) {
      line(depth + 1, 'plugin {');
      for (const p of s.plugins) line(depth + 2, `${p};`);
      line(depth + 1, '}');
    }
    line(depth, '}');
  };
  const meta = (m: DrbdMetaDisk) =>
    m.kind === 'internal' ? 'internal' : m.index !== undefined ? `${q(m.path)} [${m.index}]` : q(m.path);
  const volBody = (depth: number, vol: DrbdVolume) => {
    if (vol.device) {
      const parts = [
        vol.device.name !== undefined ? q(vol.device.name) : undefined,
        vol.device.minor !== undefined ? `minor ${vol.device.minor}` : undefined,
      ];
      line(depth, `device ${parts.filter(Boolean).join(' ')};`);
    }
    if (vol.disk !== undefined) line(depth, `disk ${q(vol.disk)};`);
    if (vol.metaDisk)
      line(depth, `${vol.flexibleMetaDisk ? 'flexible-meta-disk' : 'meta-disk'} ${meta(vol.metaDisk)};`);
    if (vol.diskOptions) section(depth, vol.diskOptions, 'disk');
  };
  const volumes = (depth: number, vols: readonly DrbdVolume[]) => {
    for (const vol of vols) {
      if (vol.number === undefined) volBody(depth, vol);
      else {
        line(depth, `volume ${vol.number} {`);
        volBody(depth + 1, vol);
        line(depth, '}');
      }
    }
  };
  const proxy = (depth: number, p: DrbdProxyHost, prefix = '') => {
    line(depth, `${prefix}proxy on ${p.names.map(q).join(' ')} {`);
    if (p.inside) line(depth + 1, `inside ${addr(p.inside)};`);
    if (p.outside) line(depth + 1, `outside ${addr(p.outside)};`);
    if (p.options) section(depth + 1, p.options, 'options');
    line(depth, '}');
  };
  const host = (depth: number, h: DrbdHost) => {
    if (h.kind === 'floating') {
      line(depth, `floating ${addr(h.address!)} {`);
    } else if (h.kind === 'stacked-on-top-of') line(depth, `stacked-on-top-of ${q(h.lower ?? '')} {`);
    else if (h.kind === 'on') line(depth, `on ${h.names.map(q).join(' ')} {`);
    else line(depth, `${h.kind} {`);
    if (h.nodeId !== undefined) line(depth + 1, `node-id ${h.nodeId};`);
    if (h.address && h.kind !== 'floating') line(depth + 1, `address ${addr(h.address)};`);
    if (h.alternateLinkAddress) line(depth + 1, `alternate-link-address ${addr(h.alternateLinkAddress)};`);
    volumes(depth + 1, h.volumes);
    if (h.options) section(depth + 1, h.options, 'options');
    if (h.proxy) proxy(depth + 1, h.proxy);
    line(depth, '}');
  };
  const endpoint = (depth: number, e: DrbdEndpoint) => {
    let t = e.host !== undefined ? `host ${q(e.host)}` : '';
    if (e.address) t += `${t ? ' ' : ''}address ${addr(e.address)}`;
    else if (e.port !== undefined) t += ` port ${e.port}`;
    if (e.proxy) {
      line(depth, `${t} via`);
      proxy(depth + 1, e.proxy);
    } else line(depth, `${t};`);
  };
  const connection = (depth: number, c: DrbdConnection) => {
    // a connection name is deprecated (drbdadm ignores it) but kept so the model round-trips
    line(depth, c.name !== undefined ? `connection ${q(c.name)} {` : 'connection {');
    for (const e of c.endpoints) endpoint(depth + 1, e);
    for (const p of c.paths) {
      line(depth + 1, 'path {');
      for (const e of p.endpoints) endpoint(depth + 2, e);
      line(depth + 1, '}');
    }
    if (c.net) section(depth + 1, c.net);
    if (c.disk) section(depth + 1, c.disk);
    for (const cv of c.volumes) {
      line(depth + 1, `volume ${cv.number} {`);
      if (cv.disk) section(depth + 2, cv.disk);
      line(depth + 1, '}');
    }
    line(depth, '}');
  };
  const blank = () => {
    if (out.length > 0 && out.at(-1) !== '') out.push('');
  };

  for (const inc of model.includes) line(0, `include ${q(inc.pattern)};`);
  for (const r of model.requires) line(0, `require-drbd-module-version-${r.op} ${r.version};`);
  const g = model.global;
  if (g) {
    blank();
    line(0, 'global {');
    if (g.usageCount !== undefined) line(1, `usage-count ${g.usageCount};`);
    if (g.minorCount !== undefined) line(1, `minor-count ${g.minorCount};`);
    if (g.dialogRefresh !== undefined) line(1, `dialog-refresh ${g.dialogRefresh};`);
    if (g.disableIpVerification) line(1, 'disable-ip-verification;');
    if (g.udevAlwaysUseVnr) line(1, 'udev-always-use-vnr;');
    if (g.cmdTimeoutShort !== undefined) line(1, `cmd-timeout-short ${g.cmdTimeoutShort};`);
    if (g.cmdTimeoutMedium !== undefined) line(1, `cmd-timeout-medium ${g.cmdTimeoutMedium};`);
    if (g.cmdTimeoutLong !== undefined) line(1, `cmd-timeout-long ${g.cmdTimeoutLong};`);
    line(0, '}');
  }
  // A legacy `protocol` keeps its place among the sections: drbdadm appends it to the `net`
  // options where it stands, so moving it would change the order `drbdadm dump` prints.
  const sectionsWithProtocol = (owner: { protocol?: string; sections: readonly DrbdSection[] }) => {
    const at = protocolSpan.get(owner)?.start;
    let pending = owner.protocol;
    const put = () => {
      if (pending !== undefined) line(1, `protocol ${q(pending)};`);
      pending = undefined;
    };
    if (at === undefined) put();
    for (const s of owner.sections) {
      if (at !== undefined && (s.span === undefined || s.span.start > at)) put();
      section(1, s);
    }
    put();
  };
  if (model.common) {
    blank();
    line(0, 'common {');
    sectionsWithProtocol(model.common);
    line(0, '}');
  }
  for (const r of model.resources) {
    blank();
    line(0, `resource ${q(r.name)} {`);
    if (r.templateFile !== undefined) line(1, `template-file ${q(r.templateFile)};`);
    for (const n of r.ignoreOn ?? []) line(1, `ignore-on ${q(n)};`);
    volumes(1, r.volumes);
    sectionsWithProtocol(r);
    for (const h of r.hosts) host(1, h);
    for (const c of r.connections) connection(1, c);
    for (const m of r.meshes) {
      line(1, 'connection-mesh {');
      line(2, `hosts ${m.hosts.map(q).join(' ')};`);
      if (m.net) section(2, m.net);
      line(1, '}');
    }
    line(0, '}');
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

/** Options of {@link emitFiles}. */
export interface EmitFilesOptions extends EmitOptions {
  /**
   * Name of the main file: the key for everything that has no `file` (default `drbd.conf`). Pass
   * the `fileName` given to `parse` so the main file's own nodes land under the same key.
   */
  readonly mainFile?: string;
}

/**
 * Writes a model read from several files (a `parse` with a `reader`) back file by file: each
 * `include`, `global`, `common` and resource goes to the file it was read from (its `file`, or
 * the main file when it has none), so the main file keeps its `include` statements and no
 * resource is written twice. Returns file name → canonical text, the main file first (always
 * present, possibly empty); files that held nothing but comments are absent. Comments are not kept.
 */
export function emitFiles(model: DrbdConfig, options: EmitFilesOptions = {}): Map<string, string> {
  const main = options.mainFile ?? 'drbd.conf';
  const parts = new Map<string, DrbdConfig>();
  const part = (file: string | undefined): DrbdConfig => {
    const key = file ?? main;
    let p = parts.get(key);
    if (!p) {
      p = { drbdVersion: model.drbdVersion, resources: [], includes: [], requires: [] };
      parts.set(key, p);
    }
    return p;
  };
  part(main);
  for (const inc of model.includes) part(inc.file).includes.push(inc);
  for (const r of model.requires) part(r.file).requires.push(r);
  if (model.global) part(model.global.file).global = model.global;
  if (model.common) part(model.common.file).common = model.common;
  for (const r of model.resources) part(r.file).resources.push(r);
  const out = new Map<string, string>();
  for (const [file, p] of parts) out.set(file, emit(p, options));
  return out;
}
