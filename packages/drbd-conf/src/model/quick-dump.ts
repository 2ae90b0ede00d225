import {
  classifyRange,
  ipv6End,
  K_INT,
  K_IPV4,
  K_IPV6,
  K_STRING,
  K_WORD,
  MAX_WORD,
  stringToken,
  wordRunEnd,
} from '../cst/lexer.js';
import { parse } from '../parse.js';
import type {
  DrbdAddress,
  DrbdConfig,
  DrbdDevice,
  DrbdHost,
  DrbdOption,
  DrbdResource,
  DrbdSection,
  DrbdVolume,
} from '../schema.js';
import { DRBD_DEVICE, deviceMinor } from './check.js';
import {
  addr,
  type DumpCtx,
  deviceText,
  dump,
  dumpContext,
  dumpQuote,
  flatten,
  I,
  kwLine,
  metaText,
  printSections,
} from './dump.js';
import { nameMatches } from './hosts.js';
import { KEYWORDS } from './keywords.js';
import { implicitNodeIds } from './node-id.js';
import { type DrbdVersion, optionSpec, type SectionKind } from './options.js';

/** Options of {@link quickDump}. */
export interface QuickDumpOptions {
  /** Parser to mirror; only `'9'` (the default) has a quick path. */
  readonly drbdVersion?: DrbdVersion;
  /** The local node name (`__DRBD_NODE__` / `uname -n`): decides the "ignored" header. */
  readonly host?: string;
  /** Canonical path printed in the first comment line. */
  readonly configPath?: string;
  /** Print `# defined at FILE:LINE` before each resource, with this file name (`-` when unset). */
  readonly definedAt?: boolean;
  /** The file name for `# defined at`. */
  readonly fileName?: string;
  /** Print `shared-secret` values as `«redacted»`. */
  readonly redact?: boolean;
}

/** Thrown inside the quick reader when the text needs the full parser; never escapes. */
const FULL = Symbol('needs the full parser');
const full = (): never => {
  throw FULL;
};

const C_LF = 10;
const C_HASH = 35;
const C_QUOTE = 34;
const C_COLON = 58;
const C_SEMI = 59;
const C_LBRACE = 123;
const C_RBRACE = 125;

// Token kinds of the quick reader (words keep the lexer's K_* classes).
const T_EOF = -1;
const T_LBRACE = -2;
const T_RBRACE = -3;
const T_SEMI = -4;
const T_COLON = -5;
const T_LBRACKET = -6;
const T_RBRACKET = -7;

const SECTIONS = ['net', 'disk', 'options', 'startup', 'handlers'] as const;

/** The section keyword at the reader (or the full path). */
function sectionKind(r: QuickReader): SectionKind {
  for (const k of SECTIONS) if (r.is(k)) return k;
  return full();
}
const KW = KEYWORDS['9'];

const isBlank = (c: number) => c === 32 || c === 9 || c === 13 || c === C_LF;

/** An empty list shared by every resource for what the quick path never has (never written). */
const NONE = Object.freeze([]) as never[];

/**
 * Reads the statements the quick path knows straight from the text: the same tokens as the lexer
 * (its word classes and IPv6 rule), no token store, no CST. Anything else throws {@link FULL}.
 */
class QuickReader {
  readonly text: string;
  readonly n: number;
  pos = 0;
  /** The current token: kind (a `T_*` or the lexer's `K_*` word class), start and end. */
  kind = T_EOF;
  start = 0;
  end = 0;
  /** The 1-based line at `pos` (lines end at LF; the caller declines lone CRs). */
  line = 1;

  constructor(text: string) {
    this.text = text;
    this.n = text.length;
  }

  /** Skips blanks and comments. */
  private trivia() {
    const t = this.text;
    const n = this.n;
    let i = this.pos;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (isBlank(c)) {
        if (c === C_LF) this.line++;
        i++;
      } else if (c === C_HASH) {
        const e = t.indexOf('\n', i);
        i = e < 0 ? n : e;
      } else break;
    }
    this.pos = i;
  }

  /**
   * Moves to the next token. Callers check the kind they expect, so an unexpected token sends the
   * file to the full parser; strings and characters outside the lexer's tokens do so here.
   */
  next(): number {
    this.trivia();
    const t = this.text;
    const i = this.pos;
    this.start = i;
    if (i >= this.n) {
      this.end = i;
      this.kind = T_EOF;
      return T_EOF;
    }
    const c = t.charCodeAt(i);
    let kind: number;
    let e = i + 1;
    if (c === C_LBRACE) kind = T_LBRACE;
    else if (c === C_RBRACE) kind = T_RBRACE;
    else if (c === C_SEMI) kind = T_SEMI;
    else if (c === 91) kind = T_LBRACKET;
    else if (c === 93) kind = T_RBRACKET;
    else {
      e = wordRunEnd(t, i);
      // the lexer reads an IPv6 address where a word (or a `:`) is followed by `:`
      const v6 = ipv6End(t, i, e);
      if (v6 > 0) {
        e = v6;
        kind = K_IPV6;
      } else if (e === i) {
        if (c !== C_COLON) full();
        e = i + 1;
        kind = T_COLON;
      } else {
        if (e - i > MAX_WORD) full();
        kind = classifyRange(t, i, e);
      }
    }
    this.pos = e;
    this.end = e;
    this.kind = kind;
    return kind;
  }

  get word(): string {
    return this.text.slice(this.start, this.end);
  }

  expect(kind: number) {
    if (this.next() !== kind) full();
  }

  /** Whether the current token is the bare word `w` (compared in place, without a substring). */
  is(w: string): boolean {
    return this.kind === K_WORD && this.end - this.start === w.length && this.text.startsWith(w, this.start);
  }

  /** A name (resource, host): a bare word that is not a keyword (quoted names take the full path). */
  name(): string {
    if (this.kind !== K_WORD) full();
    const w = this.word;
    if (KW.has(w)) full();
    return w;
  }

  /** A plain number (a unit suffix takes the full path). */
  int(): number {
    if (this.next() !== K_INT) full();
    const t = this.text;
    let v = 0;
    for (let i = this.start; i < this.end; i++) {
      const c = t.charCodeAt(i);
      if (c < 48 || c > 57) full();
      v = v * 10 + (c - 48);
    }
    return v;
  }

  /**
   * Skips to the end of the current statement (`;`) or block (the `}` matching `{` at `pos - 1`
   * when `depth` is 1), reading strings and comments the way the lexer does. Returns the end.
   */
  skipTo(depth: number): number {
    const t = this.text;
    const n = this.n;
    let i = this.pos;
    while (i < n) {
      const c = t.charCodeAt(i);
      if (c === C_HASH) {
        const e = t.indexOf('\n', i);
        i = e < 0 ? n : e;
      } else if (c === C_QUOTE) {
        const str = stringToken(t, i);
        if (str.kind !== K_STRING) full();
        i = str.end;
      } else if (c === C_LBRACE) {
        if (depth === 0) full();
        depth++;
        i++;
      } else if (c === C_RBRACE) {
        if (depth === 0) full();
        i++;
        if (--depth === 0) {
          this.pos = i;
          return i;
        }
      } else if (c === C_SEMI && depth === 0) {
        this.pos = i + 1;
        return i + 1;
      } else {
        if (c === C_LF) this.line++;
        i++;
      }
    }
    return full();
  }
}

interface Cache {
  /** Option statement text (per section kind) → its option, read by the full parser. */
  readonly options: Map<string, DrbdOption>;
  /**
   * The sections of a resource, as written → the text `dump` prints for them, or the sections
   * themselves when they hold a `resync-after` (printed once every resource name is known).
   */
  readonly sections: Map<string, string | DrbdSection[]>;
}

/** `KIND { STATEMENT }` read by the full parser; the option, or the full path if it is not clean. */
function optionOf(cache: Cache, kind: SectionKind, stmt: string): DrbdOption {
  const key = `${kind} ${stmt}`;
  const hit = cache.options.get(key);
  if (hit) return hit;
  const r = parse(`common {\n${kind} {\n${stmt}\n}\n}\n`, { drbdVersion: '9' });
  const opts = r.model.common?.sections[0]?.options;
  if (r.diagnostics.some((d) => d.severity === 'error') || opts?.length !== 1) full();
  const o = opts![0]!;
  cache.options.set(key, o);
  return o;
}

/** Whether a section has a `resync-after` (printed only when it names a resource of the file). */
const holdsResyncAfter = (sec: DrbdSection) =>
  sec.options.some((o) => (optionSpec('9', sec.kind, o.name)?.alias ?? o.name) === 'resync-after');

/**
 * The sections `[kind, body start, body end)` of one resource, printed (once per distinct text);
 * the sections themselves when they must wait for every resource name.
 */
function sectionsText(
  r: QuickReader,
  cache: Cache,
  ctx: DumpCtx,
  found: number[],
  kinds: SectionKind[],
): string | DrbdSection[] {
  let key = '';
  for (let k = 0; k < kinds.length; k++)
    key += `${kinds[k]}{${r.text.slice(found[2 * k]!, found[2 * k + 1]!)}`;
  const hit = cache.sections.get(key);
  if (hit !== undefined) return hit;
  const sections: DrbdSection[] = [];
  for (let k = 0; k < kinds.length; k++) {
    const kind = kinds[k]!;
    const body = new QuickReader(r.text);
    body.pos = found[2 * k]!;
    const end = found[2 * k + 1]! - 1; // the `}`
    const options: DrbdOption[] = [];
    while (true) {
      body.next();
      if (body.start >= end) break;
      const s = body.start;
      body.pos = s;
      const e = body.skipTo(0);
      if (e > end) full();
      options.push(optionOf(cache, kind, r.text.slice(s, e)));
    }
    sections.push({ kind, options });
  }
  // `resync-after` is printed only when its target is a resource of the file
  const waits = sections.some(holdsResyncAfter);
  const printed = waits ? sections : printSections(ctx, 1, sections, undefined);
  cache.sections.set(key, printed);
  return printed;
}

/** `device …;` (after the keyword) into `vol`, with the full parser's name and minor rules. */
function device(r: QuickReader, vol: DrbdVolume) {
  if (vol.device) full();
  const d: DrbdDevice = {};
  r.next();
  if (r.is('minor')) d.minor = r.int();
  else {
    if (r.kind !== K_WORD) full();
    const name = r.word;
    const fullName = name.startsWith('drbd') ? `/dev/${name}` : name;
    if (!fullName.startsWith('/dev/drbd')) full();
    const m = DRBD_DEVICE.exec(fullName);
    d.name = name;
    r.next();
    if (r.is('minor')) {
      const minor = r.int();
      if (m ? Number(m[1]) !== minor : !fullName.startsWith('/dev/drbd_')) full();
      d.minor = minor;
    } else if (r.kind !== T_SEMI || !m) full();
    else {
      vol.device = d;
      return;
    }
  }
  r.expect(T_SEMI);
  vol.device = d;
}

/** `disk PATH;`, `meta-disk internal|PATH;` (after the keyword) into `vol`. */
function diskOrMeta(r: QuickReader, vol: DrbdVolume, meta: boolean) {
  if (r.kind !== K_WORD) full();
  const w = r.word;
  r.expect(T_SEMI);
  if (meta) {
    if (vol.metaDisk) full();
    vol.metaDisk = w === 'internal' ? { kind: 'internal' } : { kind: 'external', path: w };
  } else {
    if (vol.disk !== undefined) full();
    vol.disk = w;
  }
}

/** `volume N { device; disk; meta-disk; }` (after the keyword). */
function volume(r: QuickReader): DrbdVolume {
  const num = r.int();
  r.expect(T_LBRACE);
  const vol: DrbdVolume = { number: num };
  while (r.next() !== T_RBRACE) {
    if (r.is('device')) device(r, vol);
    else {
      const meta = r.is('meta-disk');
      if (!meta && !r.is('disk')) full();
      r.next();
      diskOrMeta(r, vol, meta);
    }
  }
  return vol;
}

/** A volume list: the implicit volume (when used) and the numbered ones, each number once. */
function volumes(implicit: DrbdVolume, numbered: DrbdVolume[]): DrbdVolume[] {
  for (let k = 1; k < numbered.length; k++)
    for (let j = 0; j < k; j++) if (numbered[j]!.number === numbered[k]!.number) full();
  const used = implicit.device || implicit.disk !== undefined || implicit.metaDisk;
  return used ? [implicit, ...numbered] : numbered;
}

/** `address [ipv4] IP:PORT;` or `address ipv6 [IP]:PORT;` (after the keyword). */
function address(r: QuickReader): DrbdAddress {
  let family: 'ipv4' | 'ipv6' | undefined;
  if (r.next() === K_WORD) {
    if (r.is('ipv4')) family = 'ipv4';
    else if (r.is('ipv6')) family = 'ipv6';
    else full();
    r.next();
  }
  let ip: string;
  if (family === 'ipv6') {
    if (r.kind !== T_LBRACKET) full();
    const k = r.next();
    if (k !== K_IPV6 && k !== K_IPV4) full();
    ip = r.word;
    r.expect(T_RBRACKET);
  } else {
    if (r.kind !== K_IPV4) full();
    ip = r.word;
  }
  r.expect(T_COLON);
  const port = r.int();
  if (port < 1 || port > 65535) full();
  const portText = r.word;
  r.expect(T_SEMI);
  return family ? { family, ip, port: portText } : { ip, port: portText };
}

/** `on NAME… { … }` (after the keyword). */
function host(r: QuickReader): DrbdHost {
  const names: string[] = [];
  while (r.next() !== T_LBRACE) names.push(r.name());
  if (names.length === 0) full();
  const h: DrbdHost = { kind: 'on', names, volumes: [] };
  const implicit: DrbdVolume = {};
  const numbered: DrbdVolume[] = [];
  while (r.next() !== T_RBRACE) {
    if (r.is('address')) {
      if (h.address) full();
      h.address = address(r);
    } else if (r.is('node-id')) {
      const id = r.int();
      if (id > 32 || h.nodeId !== undefined) full();
      r.expect(T_SEMI);
      h.nodeId = id;
    } else if (r.is('device')) device(r, implicit);
    else if (r.is('disk') || r.is('meta-disk')) {
      const meta = r.is('meta-disk');
      r.next();
      diskOrMeta(r, implicit, meta);
    } else if (r.is('volume')) numbered.push(volume(r));
    else full();
  }
  h.volumes = volumes(implicit, numbered);
  return h;
}

/** What must be unique across resources: minors per host name, addresses (family, IP, port). */
interface Seen {
  /** Host names, numbered for {@link Seen.minors}. */
  readonly hostIds: Map<string, number>;
  /** `HOST ID × 2^27 + MINOR` per device (minors have at most 8 digits). */
  readonly minors: KeyLog;
  /** IPv4 addresses with octets up to 255 as `IP × 65536 + PORT`. */
  readonly v4n: KeyLog;
  /** `IP:PORT` per family; loopback addresses are per host: `NAMES@IP:PORT`. */
  readonly v4: Set<string>;
  readonly v6: Set<string>;
}

/**
 * Numbers that must all differ, checked once at the end (sorted) instead of one hash-set
 * insertion each: cheaper for a run that sees tens of thousands of them once.
 */
class KeyLog {
  private keys = new Float64Array(1024);
  private n = 0;
  add(key: number) {
    if (this.n === this.keys.length) {
      const bigger = new Float64Array(this.n * 2);
      bigger.set(this.keys);
      this.keys = bigger;
    }
    this.keys[this.n++] = key;
  }
  /** Whether every key was added once. */
  unique(): boolean {
    const sorted = this.keys.subarray(0, this.n).sort();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return false;
    return true;
  }
}

/** The number of a volume in the per-host merge (the implicit volume is 0). */
const volKey = (v: DrbdVolume) => v.number ?? 0;

/**
 * An IPv4 address as a 32-bit number, or -1 when a group is above 255 or has a leading zero (the
 * lexer allows 1–3 digits per group; such texts keep a string key, so that equal numbers always
 * mean equal texts).
 */
function ipv4Number(ip: string): number {
  let value = 0;
  let group = 0;
  let digits = 0;
  for (let i = 0; i <= ip.length; i++) {
    const c = i < ip.length ? ip.charCodeAt(i) : 46;
    if (c === 46) {
      if (group > 255) return -1;
      value = value * 256 + group;
      group = 0;
      digits = 0;
    } else {
      if (c === 48 && digits === 0 && i + 1 < ip.length && ip.charCodeAt(i + 1) !== 46) return -1;
      group = group * 10 + (c - 48);
      digits++;
    }
  }
  return value;
}

/**
 * A host's volumes: the resource-level ones, filled in field by field by the host's own (what
 * `hostVolumes` in check.ts gives, as a list, and without a map when one side has none).
 */
function mergedVolumes(res: DrbdResource, h: DrbdHost): readonly DrbdVolume[] {
  if (h.volumes.length === 0) return res.volumes;
  if (res.volumes.length === 0) return h.volumes;
  const vols = new Map<number, DrbdVolume>();
  for (const v of res.volumes) vols.set(volKey(v), v);
  for (const v of h.volumes) {
    const prev = vols.get(volKey(v));
    vols.set(
      volKey(v),
      prev
        ? {
            ...(v.number !== undefined ? { number: v.number } : {}),
            device: v.device ?? prev.device,
            disk: v.disk ?? prev.disk,
            metaDisk: v.metaDisk ?? prev.metaDisk,
          }
        : v,
    );
  }
  return [...vols.values()];
}

/**
 * drbdadm's checks (reference §5, as `checkModel` makes them) for the statements the quick path
 * reads; any finding sends the file to the full parser, which reports it.
 */
function check(res: DrbdResource, seen: Seen): [number, number] | undefined {
  const hosts = res.hosts;
  if (hosts.length === 0) full();
  let first: readonly DrbdVolume[] | undefined;
  const hostNames: string[] = [];
  for (let k = 0; k < hosts.length; k++) {
    const h = hosts[k]!;
    for (const n of h.names) {
      const lower = n.toLowerCase();
      if (hostNames.includes(lower)) full();
      hostNames.push(lower);
    }
    const vols = mergedVolumes(res, h);
    if (vols.length === 0) full();
    for (const v of vols) {
      if (!v.device || (v.metaDisk && v.disk === undefined)) full();
      const minor = deviceMinor(v.device);
      if (minor !== undefined)
        for (const n of h.names) {
          let id = seen.hostIds.get(n);
          if (id === undefined) {
            id = seen.hostIds.size;
            seen.hostIds.set(n, id);
          }
          seen.minors.add(id * 2 ** 27 + minor);
        }
    }
    if (!first) first = vols;
    else if (vols !== first) {
      if (first.length !== vols.length) full();
      for (const v of vols) if (!first.some((f) => volKey(f) === volKey(v))) full();
    }
    const a = h.address;
    if (a) {
      const port = Number(a.port);
      const loopback = a.ip.startsWith('127.') || a.ip === '::1';
      const v4 = a.family === 'ipv6' || loopback ? -1 : ipv4Number(a.ip);
      if (v4 >= 0) {
        // IPv4 and port as one number: no key string per address
        const key = v4 * 65536 + port;
        seen.v4n.add(key);
      } else {
        const key = `${loopback ? `${h.names.join(' ')}@` : ''}${a.ip}:${port}`;
        const set = a.family === 'ipv6' ? seen.v6 : seen.v4;
        if (set.has(key)) full();
        set.add(key);
      }
    }
  }
  // node-ids: explicit on every host, or derived for exactly two hosts with addresses
  let explicit = 0;
  for (let k = 0; k < hosts.length; k++) {
    const id = hosts[k]!.nodeId;
    if (id === undefined) continue;
    explicit++;
    for (let j = 0; j < k; j++) if (hosts[j]!.nodeId === id) full();
  }
  if (explicit === hosts.length) return undefined;
  const implicit = explicit === 0 && hosts.length === 2 && hosts[0]!.address && hosts[1]!.address;
  return (implicit && implicitNodeIds(hosts[0]!.address!.ip, hosts[1]!.address!.ip)) || full();
}

/** `kwLine`'s text before the value (indent, padded keyword, space), made once per shape. */
const LEADS = new Map<string, string[]>();
function lead(depth: number, kw: string, width: number): string {
  let byShape = LEADS.get(kw);
  if (!byShape) {
    byShape = [];
    LEADS.set(kw, byShape);
  }
  const k = depth * 32 + width;
  let text = byShape[k];
  if (text === undefined) {
    text = kwLine(depth, kw, '', width).slice(0, -2);
    byShape[k] = text;
  }
  return text;
}

/** `volume N { … }` or the implicit volume's lines, as `dump` prints them for DRBD 9. */
function volumeText(v: DrbdVolume, depth: number, resourceLevel: boolean): string {
  let s = '';
  const body = v.number === undefined ? depth : depth + 1;
  const w = v.number === undefined && resourceLevel ? 20 : 24 - 4 * body;
  if (v.device) s += `${lead(body, 'device', w)}${deviceText(v.device)};\n`;
  if (v.disk !== undefined) s += `${lead(body, 'disk', w)}${dumpQuote(v.disk)};\n`;
  if (v.metaDisk) {
    // as in dump: an external meta-disk is always padded to 16 columns
    const mw = v.metaDisk.kind === 'external' ? 16 : w;
    s += `${lead(body, 'meta-disk', mw)}${metaText(v.metaDisk)};\n`;
  }
  return v.number === undefined ? s : `${I(depth)}volume ${v.number} {\n${s}${I(depth)}}\n`;
}

function volumesText(vols: readonly DrbdVolume[], depth: number, resourceLevel: boolean): string {
  if (vols.length === 1) return volumeText(vols[0]!, depth, resourceLevel);
  let s = '';
  for (const v of [...vols].sort((a, b) => volKey(a) - volKey(b))) s += volumeText(v, depth, resourceLevel);
  return s;
}

/** One resource as `dump` prints it for DRBD 9 (the statements the quick path reads). */
function resourceText(
  res: DrbdResource,
  host: string | undefined,
  definedAt: string,
  derived: readonly number[] | undefined,
  sections: string,
): string {
  const hosts = res.hosts;
  let local = false;
  if (host !== undefined)
    for (const h of hosts) for (const n of h.names) if (nameMatches(n, host, '9')) local = true;
  let s = `# resource ${res.name} on ${host ?? ''}: ${local ? 'not ' : ''}ignored, not stacked\n${definedAt}resource ${dumpQuote(res.name)} {\n${volumesText(res.volumes, 1, true)}`;
  for (let k = 0; k < hosts.length; k++) {
    const h = hosts[k]!;
    const id = h.nodeId ?? derived?.[k];
    s += `    on ${h.names.length === 1 ? h.names[0] : h.names.join(' ')} {\n${id !== undefined ? `        node-id ${id};\n` : ''}${h.volumes.length > 0 ? volumesText(h.volumes, 2, false) : ''}${h.address ? `${lead(2, 'address', 16)}${addr(h.address)};\n` : ''}    }\n`;
  }
  return `${s}${sections}}\n\n`;
}

/**
 * The text {@link dump} prints for a DRBD 9 configuration, read straight from `text` without the
 * CST or the full model, or `undefined` when the text needs the full parser. It knows the
 * statements most configurations are made of: `global`, `common` and resources with `on` hosts
 * (names, IPv4 and IPv6 addresses, `node-id`), `device`, `disk`, `meta-disk`, `volume` and the
 * `options`, `net`, `disk`, `startup` and `handlers` sections. Anything else (includes, strings
 * outside option values, proxies, connections, floating or stacked hosts, numbers with units,
 * any problem the full parser would report, …) returns `undefined`, and the caller runs `parse`
 * and `dump`. It only ever returns text when `parse` reports no error, and
 * then exactly what `dump(parse(text).model, …)` prints: tests compare both on the conformance
 * corpus and on generated and mutated configurations. `global`, `common`, section bodies and
 * option values are read by the full parser, once per distinct text.
 */
export function quickDump(text: string, options: QuickDumpOptions = {}): string | undefined {
  if ((options.drbdVersion ?? '9') !== '9') return undefined;
  try {
    return read(text, options);
  } catch (error) {
    if (error === FULL) return undefined;
    throw error;
  }
}

function read(text: string, options: QuickDumpOptions): string {
  // `# defined at` counts lines as the line index does, which also ends a line at a lone CR
  if (options.definedAt && /\r(?!\n)/.test(text)) full();
  const r = new QuickReader(text);
  const empty: DrbdConfig = { drbdVersion: '9', resources: [], includes: [], requires: [] };
  const redact = options.redact === true;
  const ctx = dumpContext(empty, { drbdVersion: '9', ...(redact ? { redact } : {}) });
  const cache: Cache = { options: new Map(), sections: new Map() };
  const names = new Set<string>();
  const seen: Seen = {
    hostIds: new Map(),
    minors: new KeyLog(),
    v4n: new KeyLog(),
    v4: new Set(),
    v6: new Set(),
  };
  const where = options.fileName ?? '-';
  const head: { global?: DrbdConfig['global']; common?: DrbdConfig['common'] } = {};
  let out = '';
  const sectionsWithNames = (sections: DrbdSection[]) =>
    printSections({ ...ctx, names }, 1, sections, undefined);
  // the output so far, with the resources that wait for every name as functions
  const parts: (string | (() => string))[] = [];
  const found: number[] = [];
  const kinds: SectionKind[] = [];
  while (r.next() !== T_EOF) {
    const kw = r.is('global') ? 'global' : r.is('common') ? 'common' : undefined;
    if (kw) {
      // read by the full parser (they occur once)
      const s = r.start;
      r.expect(T_LBRACE);
      const e = r.skipTo(1);
      const p = parse(text.slice(s, e), { drbdVersion: '9' });
      if (p.diagnostics.some((d) => d.severity === 'error') || head[kw]) full();
      if (kw === 'global') head.global = p.model.global ?? full();
      else {
        head.common = p.model.common ?? full();
        // printed at the top, before the resource names a `resync-after` there needs are known
        if (head.common.sections.some(holdsResyncAfter)) full();
      }
      continue;
    }
    if (!r.is('resource')) full();
    r.next();
    const name = r.name();
    if (names.has(name)) full();
    r.expect(T_LBRACE);
    const definedAt = options.definedAt ? `# defined at ${where}:${r.line}\n` : '';
    // the quick path never adds to `sections`, `connections` or `meshes`: one empty array serves
    const res: DrbdResource = {
      name,
      sections: NONE,
      volumes: [],
      hosts: [],
      connections: NONE,
      meshes: NONE,
    };
    const implicit: DrbdVolume = {};
    const numbered: DrbdVolume[] = [];
    found.length = 0;
    kinds.length = 0;
    while (r.next() !== T_RBRACE) {
      if (r.is('on')) res.hosts.push(host(r));
      else if (r.is('device')) device(r, implicit);
      else if (r.is('volume')) numbered.push(volume(r));
      else if (r.is('meta-disk')) {
        r.next();
        diskOrMeta(r, implicit, true);
      } else {
        const kind = sectionKind(r);
        if (r.next() !== T_LBRACE) {
          if (kind !== 'disk') full();
          diskOrMeta(r, implicit, false);
          continue;
        }
        if (kinds.includes(kind)) full();
        const bodyStart = r.pos;
        found.push(bodyStart, r.skipTo(1));
        kinds.push(kind);
      }
    }
    res.volumes = volumes(implicit, numbered);
    // an implicit volume beside numbered ones (on one level or across resource and hosts) merges
    // by subtle rules
    let implicitVols = 0;
    let numberedVols = 0;
    for (let k = -1; k < res.hosts.length; k++)
      for (const v of k < 0 ? res.volumes : res.hosts[k]!.volumes)
        if (v.number === undefined) implicitVols++;
        else numberedVols++;
    if (implicitVols > 0 && numberedVols > 0) full();
    names.add(name);
    const derived = check(res, seen);
    const sections = sectionsText(r, cache, ctx, found, kinds);
    if (typeof sections === 'string')
      out += flatten(resourceText(res, options.host, definedAt, derived, sections));
    else {
      // printed at the end, when every resource name is known
      parts.push(out, () => resourceText(res, options.host, definedAt, derived, sectionsWithNames(sections)));
      out = '';
    }
  }
  if (!seen.minors.unique() || !seen.v4n.unique()) full();
  parts.push(out);
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (typeof part !== 'string') parts[k] = part();
  }
  let s = options.configPath !== undefined ? `# ${options.configPath}\n` : '';
  s += dump({ ...empty, ...head }, { drbdVersion: '9', ...(redact ? { redact } : {}) });
  return s + parts.join('');
}
