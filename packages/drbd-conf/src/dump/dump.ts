import { ParseError } from '@ftkit/core';
import { localHosts } from '../model/hosts.js';
import { effectiveNodeIds } from '../model/node-id.js';
import { type DrbdVersion, optionSpec, type SectionKind, SYNCER_84 } from '../model/options.js';
import { protocolSpan } from '../model/protocol-span.js';
import { templatePath } from '../model/template.js';
import { DRBD_DEVICE } from '../model/volumes.js';
import { type ParseOptions, parse } from '../parse.js';
import type {
  DrbdAddress,
  DrbdConfig,
  DrbdConnection,
  DrbdDevice,
  DrbdEndpoint,
  DrbdHost,
  DrbdMetaDisk,
  DrbdOption,
  DrbdProxyHost,
  DrbdResource,
  DrbdSection,
  DrbdVolume,
} from '../schema.js';

/** Options of {@link dump}. */
export interface DumpOptions {
  /**
   * Parser to mirror (default: the model's `drbdVersion`). `'8.3'` prints drbdadm-83's layout of
   * an 8.4 model read with `drbdVersion: '8.3'`.
   */
  readonly drbdVersion?: DrbdVersion | '8.3';
  /** The local node name (`__DRBD_NODE__` / `uname -n`): decides the "ignored" header. */
  readonly host?: string;
  /** Canonical path printed in the first comment line. */
  readonly configPath?: string;
  /** Print `shared-secret` values as `«redacted»` (for dumps that end up in logs). */
  readonly redact?: boolean;
  /** `FILE:LINE` of each resource's `{`, for the `# defined at` comment. */
  readonly definedAt?: (r: DrbdResource) => string | undefined;
}

const SAFE = /^[A-Za-z0-9/._-]+$/;

/** drbdadm's dump quoting: quote when empty, longer than 80, or containing other characters. */
export function dumpQuote(s: string): string {
  if (s.length > 0 && s.length <= 80 && SAFE.test(s)) return s;
  return `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Indentation of `depth` levels. */
export const I = (depth: number) => '    '.repeat(depth);
/** `name` padded to drbdadm's field (24 − 4×depth), one space, value right-aligned in 3 columns. */
function optLine(depth: number, name: string, value: string): string {
  const w = 24 - 4 * depth;
  return `${I(depth)}${name.padEnd(w)} ${value.padStart(3)};\n`;
}
/** A statement line: `kw` padded to `width` (drbdadm's field), one space, `rest`, `;`. */
export function kwLine(depth: number, kw: string, rest: string, width = 24 - 4 * depth): string {
  return `${I(depth)}${kw.padEnd(width)} ${rest};\n`;
}

/** An address as drbdadm prints it: family always written, IPv6 in brackets. */
export function addr(a: DrbdAddress): string {
  const fam = a.family === 'sci' ? 'ssocks' : (a.family ?? 'ipv4');
  return fam === 'ipv6' ? `ipv6 [${a.ip}]:${a.port}` : `${fam} ${a.ip}:${a.port}`;
}

/** A `device` value: the `/dev/` name if any, then the minor (from the name when implicit). */
export function deviceText(d: DrbdDevice): string {
  const name = d.name === undefined ? undefined : d.name.startsWith('drbd') ? `/dev/${d.name}` : d.name;
  const minor = d.minor ?? (name ? Number(DRBD_DEVICE.exec(name)?.[1]) : undefined);
  return `${name !== undefined ? `${dumpQuote(name)} ` : ''}minor ${minor}`;
}

/** A `meta-disk` value: `internal`, or the device with its index. */
export function metaText(m: DrbdMetaDisk): string {
  if (m.kind === 'internal') return 'internal';
  return m.index !== undefined ? `${dumpQuote(m.path)} [${m.index}]` : dumpQuote(m.path);
}

/** What printing needs besides the node itself (see {@link dumpContext}). */
export interface DumpCtx {
  readonly redact?: boolean;
  readonly v: DrbdVersion;
  /** drbdadm-83's layout (with `v` = `'8.4'`). */
  readonly v83?: boolean;
  readonly cfg: DrbdConfig;
  readonly names: Set<string>;
}

/** Normalised (name, value|undefined) pairs of a section as drbdadm stores them. */
function normOptions(
  ctx: DumpCtx,
  kind: SectionKind,
  options: readonly DrbdOption[],
): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  const tail: [string, string | undefined][] = [];
  for (const o of options) {
    const spec = optionSpec(ctx.v, kind, o.name);
    // drbdadm-83 prints the 8.3 names (`rate`, `after`), 8.4 the new ones (`resync-rate` …)
    let name = ctx.v83 && kind === 'syncer' ? o.name : (spec?.alias ?? o.name);
    if (ctx.v === '8.4' && spec?.ignored) continue;
    if (kind === 'syncer' && ctx.v === '8.4' && !ctx.v83) name = SYNCER_84.get(o.name)?.name ?? name;
    // drbdadm-83's switches have no value: printed as written, in their place
    if (ctx.v83 && spec?.type === 'bool') {
      out.push([o.negated ? `no-${name}` : name, undefined]);
      continue;
    }
    if (name === 'become-primary-on') {
      if (ctx.v === '9') continue;
      out.push([name, [o.value ?? '', ...(o.more ?? [])].join(' ')]);
      continue;
    }
    if (name === 'resync-after' && o.value !== undefined) {
      const target = o.value.split('/')[0]!;
      if (!ctx.names.has(target)) continue;
    }
    if (spec?.type === 'flag' || name === 'stacked-timeouts') {
      tail.push([name, undefined]);
      continue;
    }
    let value = o.value;
    if (value === undefined) value = o.negated ? 'no' : 'yes';
    if (name === 'protocol' && ctx.v === '8.4') value = value.toUpperCase();
    if (name === 'shared-secret' && ctx.redact) value = '«redacted»';
    out.push([name, dumpQuote(value)]);
  }
  // drbdadm 9 prints a `disk` section's disk options before its peer-device options
  if (ctx.v === '9' && kind === 'disk') {
    const pd = (n: string) => optionSpec('9', 'disk', n)?.peerDevice === true;
    return [...out.filter(([n]) => !pd(n)), ...out.filter(([n]) => pd(n)), ...tail];
  }
  return [...out, ...tail];
}

function printSection(
  _ctx: DumpCtx,
  depth: number,
  kind: string,
  pairs: [string, string | undefined][],
  plugins?: readonly string[],
): string {
  if (pairs.length === 0 && (!plugins || plugins.length === 0)) return '';
  let s = `${I(depth)}${kind} {\n`;
  for (const [n, v] of pairs) s += v === undefined ? `${I(depth + 1)}${n};\n` : optLine(depth + 1, n, v);
  if (plugins && plugins.length > 0) {
    s += `${I(depth + 1)}plugin {\n`;
    for (const p of plugins) s += `${I(depth + 2)}${p};\n`;
    s += `${I(depth + 1)}}\n`;
  }
  return `${s}${I(depth)}}\n`;
}

const ORDER: readonly SectionKind[] = ['options', 'net', 'disk', 'startup', 'proxy', 'handlers'];
/** drbdadm-83's section order: no `options`, `syncer` kept. */
const ORDER_83: readonly SectionKind[] = ['net', 'disk', 'syncer', 'startup', 'proxy', 'handlers'];

/**
 * The sections of a resource/common after 8.4's syncer redistribution and protocol move. drbdadm
 * appends a legacy `protocol` to the `net` options where it stands in the source: before the
 * options of a `net` section written after it, after those of one written before it. `protocolAt`
 * is its offset (unknown for a model not read from text: then it comes first).
 */
function sectionPairs(
  ctx: DumpCtx,
  sections: readonly DrbdSection[],
  protocol: string | undefined,
  protocolAt?: number,
) {
  const map = new Map<SectionKind, [string, string | undefined][]>();
  const get = (k: SectionKind) => {
    const l = map.get(k) ?? [];
    map.set(k, l);
    return l;
  };
  // drbdadm-83 prints `protocol` above the sections (see printSections), not in `net`
  let pending = ctx.v83 ? undefined : protocol;
  const putProtocol = () => {
    if (pending === undefined) return;
    get('net').push(['protocol', ctx.v === '8.4' ? pending.toUpperCase() : dumpQuote(pending)]);
    pending = undefined;
  };
  if (protocolAt === undefined) putProtocol();
  let plugins: string[] | undefined;
  for (const sec of sections) {
    if (protocolAt !== undefined && (sec.span === undefined || sec.span.start > protocolAt)) putProtocol();
    if (sec.kind === 'syncer' && !ctx.v83) {
      for (const o of sec.options) {
        const target =
          ctx.v === '8.4' ? (SYNCER_84.get(o.name)?.section ?? 'disk') : sectionOfSyncer9(o.name);
        const pairs = normOptions(ctx, ctx.v === '8.4' ? 'syncer' : target, [o]);
        const list = get(target);
        for (const p of pairs) list.push(p);
      }
      continue;
    }
    // A loop, not push(...): a section of ~130k options overflowed the call stack.
    const list = get(sec.kind);
    for (const p of normOptions(ctx, sec.kind, sec.options)) list.push(p);
    if (sec.plugins) plugins = [...(plugins ?? []), ...sec.plugins];
  }
  putProtocol();
  // stacked-timeouts (value-less) prints after the valued startup options (8.4 and 9)
  if (!ctx.v83)
    for (const [k, l] of map) {
      const flags = l.filter((p) => p[1] === undefined);
      const vals = l.filter((p) => p[1] !== undefined);
      map.set(k, [...vals, ...flags]);
    }
  return { map, plugins };
}

function sectionOfSyncer9(name: string): SectionKind {
  for (const k of ['disk', 'net', 'options'] as const) if (optionSpec('9', k, name)) return k;
  return 'disk';
}

/** A resource's or `common`'s option sections in drbdadm's order (8.4: syncer redistributed). */
export function printSections(
  ctx: DumpCtx,
  depth: number,
  sections: readonly DrbdSection[],
  protocol: string | undefined,
  protocolAt?: number,
): string {
  const { map, plugins } = sectionPairs(ctx, sections, protocol, protocolAt);
  let s = ctx.v83 && protocol !== undefined ? optLine(depth, 'protocol', protocol.toUpperCase()) : '';
  for (const k of ctx.v83 ? ORDER_83 : ORDER)
    s += printSection(ctx, depth, k, map.get(k) ?? [], k === 'proxy' ? plugins : undefined);
  return s;
}

function volumeBody(ctx: DumpCtx, depth: number, v: DrbdVolume, resourceLevel9 = false): string {
  let s = '';
  if (v.diskOptions) s += printSection(ctx, depth, 'disk', normOptions(ctx, 'disk', v.diskOptions.options));
  const w = resourceLevel9 ? 20 : 24 - 4 * depth;
  if (v.device) s += kwLine(depth, 'device', deviceText(v.device), w);
  if (v.disk !== undefined) s += kwLine(depth, 'disk', dumpQuote(v.disk), w);
  // drbdadm 9 records `disk { … }` without a backing disk as an explicitly diskless volume
  else if (ctx.v === '9' && v.diskOptions) s += kwLine(depth, 'disk', 'none', w);
  // drbdadm quirk (9 and 8.4): an external meta-disk is always padded to 16 columns, whatever the
  // depth; `internal` follows the other statements of its level
  if (v.metaDisk)
    s += kwLine(depth, 'meta-disk', metaText(v.metaDisk), v.metaDisk.kind === 'external' ? 16 : w);
  return s;
}

function printVolumes(
  ctx: DumpCtx,
  depth: number,
  vols: readonly DrbdVolume[],
  resourceLevel9 = false,
): string {
  let s = '';
  const sorted = [...vols].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  for (const v of sorted) {
    if (v.number === undefined) s += volumeBody(ctx, depth, v, resourceLevel9);
    else s += `${I(depth)}volume ${v.number} {\n${volumeBody(ctx, depth + 1, v)}${I(depth)}}\n`;
  }
  return s;
}

function proxyText(ctx: DumpCtx, depth: number, p: DrbdProxyHost): string {
  let s = `${I(depth)}proxy on ${p.names.join(' ')} {\n`;
  // drbdadm pads `inside`/`outside` to 16 columns at any depth
  if (p.inside) s += kwLine(depth + 1, 'inside', addr(p.inside), 16);
  if (p.outside) s += kwLine(depth + 1, 'outside', addr(p.outside), 16);
  if (p.options)
    s += printSection(
      ctx,
      depth + 1,
      'options',
      normOptions(ctx, 'proxy', p.options.options),
      p.options.plugins,
    );
  return `${s}${I(depth)}}\n`;
}

/** 8.4: resource-level volumes are copied into every host (host statements win per field). */
function mergedVolumes84(r: DrbdResource, h: DrbdHost): DrbdVolume[] {
  const byNum = new Map<number | undefined, DrbdVolume>();
  for (const v of r.volumes) {
    // drbdadm-84: a resource-level `volume 0 { }` after implicit statements is that implicit
    // volume; it only fills in what they left unset (and the dump shows no `volume 0` wrapper)
    const implicit = byNum.get(undefined);
    if (v.number === 0 && implicit) byNum.set(undefined, { ...pick(v, false), ...implicit });
    else if (!byNum.has(v.number)) byNum.set(v.number, { number: v.number as number, ...pick(v, false) });
  }
  for (const v of h.volumes) {
    const prev = byNum.get(v.number);
    byNum.set(
      v.number,
      prev
        ? { ...prev, ...pick(v, true) }
        : { ...(v.number !== undefined ? { number: v.number } : {}), ...pick(v, true) },
    );
  }
  return [...byNum.values()].map((v) =>
    v.number === undefined ? (({ number: _n, ...rest }) => rest)(v) : v,
  );
}
function pick(v: DrbdVolume, withDiskOptions: boolean): Partial<DrbdVolume> {
  return {
    ...(v.device ? { device: v.device } : {}),
    ...(v.disk !== undefined ? { disk: v.disk } : {}),
    ...(v.metaDisk ? { metaDisk: v.metaDisk } : {}),
    ...(v.flexibleMetaDisk ? { flexibleMetaDisk: true } : {}),
    ...(withDiskOptions && v.diskOptions ? { diskOptions: v.diskOptions } : {}),
  };
}

function hostText(ctx: DumpCtx, r: DrbdResource, h: DrbdHost, nodeId: number | undefined): string {
  const d = 1;
  let head: string;
  if (h.kind === 'floating')
    head =
      ctx.v === '9' ? `${'floating'.padEnd(16)} ${addr(h.address!)} {` : `floating ${addr(h.address!)} {`;
  else if (h.kind === 'stacked-on-top-of') head = `stacked-on-top-of ${h.lower} {`;
  else if (h.kind === 'on') head = `on ${h.names.join(' ')} {`;
  else head = `${h.kind} {`;
  let s = `${I(d)}${head}\n`;
  if (h.kind === 'stacked-on-top-of') {
    // both versions name the lower resource's hosts, each followed by a space
    const lower = ctx.cfg.resources.find((x) => x.name === h.lower);
    const names = lower?.hosts.flatMap((x) => x.names) ?? [];
    s += `${I(d + 1)}# on ${names.map((n) => `${n} `).join('')}\n`;
  }
  if (ctx.v === '9' && nodeId !== undefined) s += `${I(d + 1)}node-id ${nodeId};\n`;
  if (h.options) s += printSection(ctx, d + 1, 'options', normOptions(ctx, 'options', h.options.options));
  const vols = ctx.v === '8.4' ? mergedVolumes84(r, h) : h.volumes;
  const shown =
    ctx.v === '9' && h.kind === 'stacked-on-top-of' ? vols.map(({ device: _d, ...rest }) => rest) : vols;
  if (ctx.v83) {
    // drbdadm-83: device, disk, address, then the meta-disk (flexible-meta-disk as written)
    const v = vols.find((x) => x.number === undefined) ?? vols[0];
    if (v?.device) s += kwLine(d + 1, 'device', deviceText(v.device));
    if (v?.disk !== undefined) s += kwLine(d + 1, 'disk', dumpQuote(v.disk));
    if (h.address && h.kind !== 'floating') s += kwLine(d + 1, 'address', addr(h.address));
    if (v?.metaDisk)
      s += kwLine(d + 1, v.flexibleMetaDisk ? 'flexible-meta-disk' : 'meta-disk', metaText(v.metaDisk));
    if (h.proxy) s += proxyText(ctx, d + 1, h.proxy);
    return `${s}${I(d)}}\n`;
  }
  s += printVolumes(ctx, d + 1, shown);
  if (h.address && h.kind !== 'floating') s += kwLine(d + 1, 'address', addr(h.address));
  if (h.alternateLinkAddress && ctx.v === '8.4')
    s += kwLine(d + 1, 'alternate-link-address', addr(h.alternateLinkAddress));
  if (h.proxy) s += proxyText(ctx, d + 1, h.proxy);
  return `${s}${I(d)}}\n`;
}

function endpointText(ctx: DumpCtx, depth: number, e: DrbdEndpoint): string {
  // drbdadm separates the host name with 4×depth+1 spaces whatever its length
  const sep = ' '.repeat(4 * depth + 1);
  let s: string;
  if (e.host !== undefined && e.address)
    s = `${I(depth)}host ${e.host}${sep}${'address'.padEnd(15)} ${addr(e.address)}`;
  else if (e.host !== undefined && e.port !== undefined) s = `${I(depth)}host ${e.host} port ${e.port}`;
  else if (e.host !== undefined) s = `${I(depth)}host ${e.host}`;
  else s = `${I(depth)}${'address'.padEnd(16)} ${addr(e.address!)}`;
  if (e.proxy) {
    const body = proxyText(ctx, depth, e.proxy);
    return `${s}${sep}via ${body.trimStart()}`;
  }
  return `${s};\n`;
}

function connectionText(ctx: DumpCtx, c: DrbdConnection): string {
  const d = 1;
  let s = `${I(d)}connection {\n`;
  for (const e of c.endpoints) s += endpointText(ctx, d + 1, e);
  for (const p of c.paths) {
    s += `${I(d + 1)}path {\n`;
    for (const e of p.endpoints) s += endpointText(ctx, d + 2, e);
    s += `${I(d + 1)}}\n`;
  }
  if (c.net) s += printSection(ctx, d + 1, 'net', normOptions(ctx, 'net', c.net.options));
  if (c.disk) s += printSection(ctx, d + 1, 'disk', normOptions(ctx, 'disk', c.disk.options));
  for (const v of c.volumes) {
    const body = v.disk ? printSection(ctx, d + 2, 'disk', normOptions(ctx, 'disk', v.disk.options)) : '';
    s += `${I(d + 1)}volume ${v.number} {\n${body}${I(d + 1)}}\n`;
  }
  return `${s}${I(d)}}\n`;
}

/**
 * Flattens a string built with `+=` in place and returns it. V8 keeps such a string as a tree of
 * its pieces until something reads it; for a whole dump that is millions of small strings that
 * survive every young-generation collection (the dump of a 10,000-resource file spent most of
 * its time in the garbage collector). Converting to a number makes V8 flatten it, and the
 * pieces die young. Other engines just compute a NaN.
 */
export function flatten(s: string): string {
  // kept in a module variable so an optimising compiler cannot drop the conversion
  flattenSink = Number(s);
  return s;
}
// biome-ignore lint/correctness/noUnusedVariables: only written, so the conversion is kept
let flattenSink = 0;

function resourceText(ctx: DumpCtx, r: DrbdResource, o: DumpOptions): string {
  const local = localHosts(r, o.host, ctx.v);
  const stacked = r.hosts.some((h) => h.kind === 'stacked-on-top-of');
  // a stacked resource runs where its lower resource runs
  const lowerLocal =
    o.host !== undefined &&
    r.hosts.some((h) => {
      if (h.kind !== 'stacked-on-top-of') return false;
      const lower = ctx.cfg.resources.find((x) => x.name === h.lower);
      return lower !== undefined && localHosts(lower, o.host, ctx.v).length > 0;
    });
  let s = `# resource ${r.name} on ${o.host ?? ''}: ${local.length > 0 || lowerLocal || r.hosts.some((h) => h.kind === 'floating') ? 'not ' : ''}ignored, ${stacked ? '' : 'not '}stacked\n`;
  // drbdadm-83 prints no `# defined at`, and the resource's protocol above its hosts
  const at = ctx.v83 ? undefined : o.definedAt?.(r);
  if (at !== undefined) s += `# defined at ${at}\n`;
  s += `resource ${dumpQuote(r.name)} {\n`;
  if (ctx.v83 && r.protocol !== undefined) s += optLine(1, 'protocol', r.protocol.toUpperCase());
  // drbdadm prints the path resolved against the configuration's directory, after one space
  if (ctx.v === '9' && r.templateFile !== undefined)
    s += `${I(1)}template-file ${dumpQuote(templatePath.get(r) ?? r.templateFile)};\n`;
  if (ctx.v === '9') s += printVolumes(ctx, 1, r.volumes, true);
  const ids = ctx.v === '9' ? effectiveNodeIds(r) : new Map<DrbdHost, number>();
  for (const h of r.hosts) s += hostText(ctx, r, h, ids.get(h));
  if (ctx.v === '9') {
    for (const c of r.connections) s += connectionText(ctx, c);
    for (const m of r.meshes) {
      s += `${I(1)}connection-mesh {\n${I(2)}hosts ${m.hosts.join(' ')};\n`;
      if (m.net) s += printSection(ctx, 2, 'net', normOptions(ctx, 'net', m.net.options));
      s += `${I(1)}}\n`;
    }
  }
  s += printSections(ctx, 1, r.sections, ctx.v83 ? undefined : r.protocol, protocolSpan.get(r)?.start);
  return `${s}}\n\n`;
}

/** The printing context of `model` (its resource names decide which `resync-after` stays). */
export function dumpContext(model: DrbdConfig, options: DumpOptions = {}): DumpCtx {
  return {
    v: options.drbdVersion === '8.3' ? '8.4' : (options.drbdVersion ?? model.drbdVersion),
    ...(options.drbdVersion === '8.3' ? { v83: true } : {}),
    cfg: model,
    names: new Set(model.resources.map((r) => r.name)),
    ...(options.redact ? { redact: true } : {}),
  };
}

/**
 * Options of {@link dump} given a text: how to read it (as `parse`), then how to print it. Without
 * `drbdVersion` the text is read and printed as DRBD 9.
 */
export interface DumpTextOptions extends Omit<DumpOptions, 'definedAt'>, Omit<ParseOptions, 'drbdVersion'> {
  /** Print `# defined at FILE:LINE` comments as drbdadm does (from the positions `parse` keeps). */
  readonly definedAt?: boolean;
}

/**
 * The text `drbdadm -c FILE dump all` prints (run as node `host`): same ordering, padding,
 * quoting, implicit minors and node-ids, 8.4 syncer redistribution and dropped options. Comment
 * lines (`# …`) are best effort; everything else is exact.
 *
 * Given a model, prints it. Given a text, reads it with `parse` first (the same checks) and
 * throws a `ParseError` carrying every diagnostic when drbdadm would refuse it; use `parse`
 * and pass its model to get the diagnostics without an exception.
 */
export function dump(model: DrbdConfig, options?: DumpOptions): string;
export function dump(text: string, options?: DumpTextOptions): string;
export function dump(input: DrbdConfig | string, options: DumpOptions | DumpTextOptions = {}): string {
  if (typeof input !== 'string') return dumpModel(input, options as DumpOptions);
  const o = options as DumpTextOptions;
  const r = parse(input, { ...o, drbdVersion: o.drbdVersion ?? '9' });
  if (r.diagnostics.some((d) => d.severity === 'error')) throw new ParseError(r.diagnostics);
  const { definedAt, ...rest } = o;
  return dumpModel(r.model, { ...rest, ...(definedAt ? { definedAt: (x) => r.definedAt(x) } : {}) });
}

function dumpModel(model: DrbdConfig, options: DumpOptions): string {
  const ctx = dumpContext(model, options);
  const v = ctx.v;
  let s = options.configPath !== undefined ? `# ${options.configPath}\n` : '';
  const g = model.global;
  if (g) {
    let body = '';
    if (g.disableIpVerification) body += `${I(1)}disable-ip-verification;\n`;
    if (g.minorCount !== undefined) body += `${I(1)}minor-count ${g.minorCount};\n`;
    if (g.dialogRefresh !== undefined && g.dialogRefresh !== '1')
      body += `${I(1)}dialog-refresh ${g.dialogRefresh};\n`;
    // drbdadm-83 never prints usage-count or the command timeouts
    if (g.usageCount !== undefined && g.usageCount !== 'ask' && !ctx.v83)
      body += `${I(1)}usage-count ${g.usageCount};\n`;
    // drbdadm-84 adds the command timeouts to a printed global section: `short` when set, `medium`
    // and `long` always (defaults 600 and 0); alone they print nothing, and 9 never prints them
    if (body && v === '8.4' && !ctx.v83) {
      if (g.cmdTimeoutShort !== undefined) body += `${I(1)}cmd-timeout-short ${g.cmdTimeoutShort};\n`;
      body += `${I(1)}cmd-timeout-medium ${g.cmdTimeoutMedium ?? 600};\n`;
      body += `${I(1)}cmd-timeout-long ${g.cmdTimeoutLong ?? 0};\n`;
    }
    if (body) s += `global {\n${body}}\n\n`;
  }
  if (model.common) {
    const body = printSections(
      ctx,
      1,
      model.common.sections,
      model.common.protocol,
      protocolSpan.get(model.common)?.start,
    );
    // drbdadm prints a `common` section even when it is empty (drbd-utils' stock global_common.conf)
    s += `common {\n${body}}\n\n`;
  }
  for (const r of model.resources) s += flatten(resourceText(ctx, r, options));
  return s;
}
