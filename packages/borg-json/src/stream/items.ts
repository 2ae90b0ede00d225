import type { Diagnostic } from '@ftkit/core';
import { shortenText } from '@ftkit/core';
import { jsonTypeOf, showValue } from '../diagnostics.js';
import { isBorgFloatKey } from '../json/float-keys.js';
import { findTooDeep, MAX_JSON_DEPTH } from '../json/nesting.js';
import { pyDumps } from '../json/py-json.js';
import {
  type LineOptions,
  lineDiagnostic,
  loneCrCount,
  pushCapped,
  type SourceLine,
  type TextSource,
} from './lines.js';

/**
 * One archive item of `borg list --json-lines ARCHIVE`, 1.2/1.4 and 2.0 keys together. Only
 * `type`, `mode` and `path` are always present; the rest depends on the version and on the
 * `--format` placeholders (see the reference table in docs/borg-json.md). Timestamps stay
 * strings here for speed; turn one into a value with `BorgTimestamp.parse(item.mtime)`.
 */
export interface BorgItem {
  /** First character of `mode`: `-` file, `d` dir, `l` symlink, `p` fifo, `b`/`c` device, `s` socket (1.x hard-link followers stay `-`). */
  type: string;
  /** `ls -l` style, e.g. `-rw-r--r--`; 1.x hard-link followers start with `h`. */
  mode: string;
  /** Relative path (no leading `/`); `?` replaces undecodable bytes. */
  path: string;
  /** 2.0: base64 of the raw path bytes, only when `path` is not the exact name. */
  path_b64?: string;
  /** User name, or (1.x) the numeric uid when no name was recorded; 2.0 gives the uid as text. */
  user?: string | number;
  user_b64?: string;
  group?: string | number;
  group_b64?: string;
  uid?: number | null;
  gid?: number | null;
  /** 1.x: symlink target, or for a hard-link follower the path of the first link; `""` otherwise. */
  source?: string;
  /** 1.x: same as `source`. */
  linktarget?: string;
  /** 2.0: symlink target or `""`. */
  target?: string;
  target_b64?: string;
  /** 2.0: 64 hex, shared by all names of one hard-linked inode; `""` otherwise. */
  hlid?: string;
  /** BSD file flags (`0` none, `1` nodump); 2.0 `null` when unknown. */
  flags?: number | null;
  /** 2.0 b20+. */
  inode?: number | null;
  /** `false` when `check --repair` replaced chunks with zeros (removed in b16). */
  healthy?: boolean;
  /** Content size in bytes (directories, fifos, devices 0; symlinks the target length). */
  size?: number;
  csize?: number;
  dsize?: number;
  dcsize?: number;
  num_chunks?: number;
  unique_chunks?: number;
  mtime?: string;
  ctime?: string;
  atime?: string;
  isomtime?: string;
  isoctime?: string;
  isoatime?: string;
  md5?: string;
  sha1?: string;
  sha224?: string;
  sha256?: string;
  sha384?: string;
  sha512?: string;
  sha3_224?: string;
  sha3_256?: string;
  sha3_384?: string;
  sha3_512?: string;
  blake2b?: string;
  blake2s?: string;
  xxh64?: string;
  /** b21+: `<16 hex>-<64 hex>`. */
  fingerprint?: string;
  archivename?: string;
  archiveid?: string;
  /** Keys this package does not know are kept as they are. */
  [key: string]: unknown;
}

const enum_ = {
  str: 1,
  int: 2,
  intOrNull: 3,
  strOrInt: 4,
  bool: 5,
  time: 6,
} as const;
type Kind = (typeof enum_)[keyof typeof enum_];

/** Every item key borg prints, with its JSON type. */
const ITEM_KEYS = new Map<string, Kind>([
  ['type', enum_.str],
  ['mode', enum_.str],
  ['path', enum_.str],
  ['path_b64', enum_.str],
  ['user', enum_.strOrInt],
  ['user_b64', enum_.str],
  ['group', enum_.strOrInt],
  ['group_b64', enum_.str],
  ['uid', enum_.intOrNull],
  ['gid', enum_.intOrNull],
  ['source', enum_.str],
  ['linktarget', enum_.str],
  ['target', enum_.str],
  ['target_b64', enum_.str],
  ['hlid', enum_.str],
  ['flags', enum_.intOrNull],
  ['inode', enum_.intOrNull],
  ['healthy', enum_.bool],
  ['size', enum_.int],
  ['csize', enum_.int],
  ['dsize', enum_.int],
  ['dcsize', enum_.int],
  ['num_chunks', enum_.int],
  ['unique_chunks', enum_.int],
  ['mtime', enum_.time],
  ['ctime', enum_.time],
  ['atime', enum_.time],
  ['isomtime', enum_.time],
  ['isoctime', enum_.time],
  ['isoatime', enum_.time],
  ['md5', enum_.str],
  ['sha1', enum_.str],
  ['sha224', enum_.str],
  ['sha256', enum_.str],
  ['sha384', enum_.str],
  ['sha512', enum_.str],
  ['sha3_224', enum_.str],
  ['sha3_256', enum_.str],
  ['sha3_384', enum_.str],
  ['sha3_512', enum_.str],
  ['blake2b', enum_.str],
  ['blake2s', enum_.str],
  ['xxh64', enum_.str],
  ['fingerprint', enum_.str],
  ['archivename', enum_.str],
  ['archiveid', enum_.str],
]);

const KIND_TEXT: Record<Kind, string> = {
  1: 'string',
  2: 'integer',
  3: 'integer or null',
  4: 'string or integer',
  5: 'boolean',
  6: 'timestamp string',
};

/** The item keys this package knows (every version, every `--format` placeholder). */
export const ITEM_KEY_NAMES: readonly string[] = [...ITEM_KEYS.keys()];

function kindOk(kind: Kind, v: unknown): boolean {
  switch (kind) {
    case 1:
      return typeof v === 'string';
    case 2:
      return typeof v === 'number' && Number.isInteger(v);
    case 3:
      return v === null || (typeof v === 'number' && Number.isInteger(v));
    case 4:
      return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));
    case 5:
      return typeof v === 'boolean';
    default:
      // `YYYY-MM-DDTHH:MM:SS…`: cheap shape check, full parsing is left to BorgTimestamp.
      return typeof v === 'string' && v.length >= 19 && v.charCodeAt(10) === 84 && v.charCodeAt(4) === 45;
  }
}

/** What to do with a line that is not a valid item. */
export type BadLinePolicy = 'stop' | 'continue';

/** Options for {@link readItems} and {@link parseItems}. */
export interface ReadItemsOptions extends LineOptions {
  /** `stop`: end the stream at the first bad line (default); `continue`: report it and go on. */
  readonly onBadLine?: BadLinePolicy;
  /** Called with each diagnostic as it happens (they are also collected in `diagnostics`). */
  readonly onDiagnostic?: (d: Diagnostic) => void;
  /** Report unknown keys (first occurrence of each name) as `info`. Default `true`. */
  readonly reportUnknownKeys?: boolean;
}

/** Set by {@link checkItem}: the item has a key this package does not know. */
let hasUnknown = false;

/**
 * JSON.parse of one item line; throws for a line nested deeper than {@link MAX_JSON_DEPTH}
 * (the caller reports it as a bad line), because emit and value previews recurse per level.
 */
function parseLine(t: string): unknown {
  // A first character no JSON value starts with: skip JSON.parse and its exception (10^7 such
  // lines took minutes, almost all of it throwing).
  if (!JSON_START.test(t)) return NOT_AN_OBJECT;
  if (findTooDeep(t) >= 0) throw new RangeError('too deep');
  return JSON.parse(t);
}

/** The message for a line that is no JSON object. */
function notAnObject(t: string): string {
  return `Expected a JSON object, found \`${shortenText(t, { max: 30, keep: 27, ellipsis: '...' })}\``;
}

/** The first character of a JSON text (leading whitespace included). */
const JSON_START = /^[\s{["\-0-9tfn]/;

/** What {@link parseLine} returns for a line that cannot hold a JSON object. */
const NOT_AN_OBJECT = Symbol('not an object');

/** A problem of one line: `borg/missing-key` for an absent key (as in documents), else `borg/bad-line`. */
interface LineProblem {
  readonly code: 'borg/missing-key' | 'borg/bad-line';
  readonly message: string;
}

const badLine = (message: string): LineProblem => ({ code: 'borg/bad-line', message });
const missingKey = (key: string): LineProblem => ({
  code: 'borg/missing-key',
  message: `Missing key \`${key}\``,
});

/** The keys every item line has (borg prints them whatever `--format` says). */
const REQUIRED_ITEM_KEYS = ['type', 'mode', 'path'] as const;

/** Checks one parsed line; returns the first problem or `undefined`. */
function checkItem(v: unknown): LineProblem | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return badLine(`Expected an item object, found ${jsonTypeOf(v)}`);
  const o = v as Record<string, unknown>;
  for (const key of REQUIRED_ITEM_KEYS) {
    if (typeof o[key] !== 'string')
      return o[key] === undefined
        ? missingKey(key)
        : badLine(`Expected string at \`${key}\`, found ${jsonTypeOf(o[key])}`);
  }
  hasUnknown = false;
  for (const k in o) {
    const kind = ITEM_KEYS.get(k);
    if (kind === undefined) hasUnknown = true;
    else if (!kindOk(kind, o[k]))
      return badLine(
        `Expected ${KIND_TEXT[kind]} at \`${k}\`, found ${jsonTypeOf(o[k])} \`${showValue(o[k])}\``,
      );
  }
  return undefined;
}

/**
 * Items of a `--json-lines` stream, read lazily: iterate it with `for await`. Memory stays
 * bounded (one chunk plus one line) whatever the stream length. Bad lines (not JSON, not an
 * item) become diagnostics with their line number; with `onBadLine: 'stop'` the iteration ends
 * there, with `'continue'` it goes on. Never throws for bad input.
 */
export class ItemReader implements AsyncIterable<BorgItem> {
  /** Every diagnostic so far (bad lines, unknown keys as `info`). */
  readonly diagnostics: Diagnostic[] = [];
  /** Items yielded so far. */
  count = 0;
  /** Number of the line read last (1-based). */
  line = 0;
  /** True when reading ended early because of a bad line (`onBadLine: 'stop'`). */
  stopped = false;
  private readonly source: TextSource;
  private readonly options: ReadItemsOptions;
  private readonly seenUnknown = new Set<string>();

  constructor(source: TextSource, options: ReadItemsOptions = {}) {
    this.source = source;
    this.options = options;
  }

  private dropped = 0;

  private report(d: Diagnostic): void {
    this.dropped = pushCapped(this.diagnostics, d, this.dropped);
    this.options.onDiagnostic?.(d);
  }

  private unknownKeys(o: Record<string, unknown>, l: SourceLine): void {
    for (const k in o) {
      if (!ITEM_KEYS.has(k) && !this.seenUnknown.has(k)) {
        this.seenUnknown.add(k);
        const col = l.text.indexOf(`"${k}"`);
        this.report(
          lineDiagnostic(l, 'borg/unknown-key', 'info', `Unknown item key \`${k}\``, {
            fileName: this.options.fileName,
            column: Math.max(0, col),
            length: col >= 0 ? k.length + 2 : 0,
            note: 'The key is kept on the item; reported once per stream',
          }),
        );
      }
    }
  }

  /**
   * Items in batches (one per incoming chunk). Faster than item-by-item iteration for very long
   * streams; same checks and diagnostics.
   */
  async *batches(): AsyncGenerator<BorgItem[]> {
    const stop = (this.options.onBadLine ?? 'stop') === 'stop';
    const unknown = this.options.reportUnknownKeys !== false;
    const fileName = this.options.fileName;
    const max = this.options.maxLineLength ?? 16 * 1024 * 1024;
    // The line splitting is inlined (no per-line objects) because this loop has to keep up with
    // a bare JSON.parse loop; see lineBatches for the general version.
    const decoder = new TextDecoder('utf-8');
    const source = typeof this.source === 'string' ? [this.source] : this.source;
    let rest = '';
    let base = 0;
    let lineNo = 1;
    let skipping = false;
    const handle = (text: string, start: number, end: number, out: BorgItem[]): boolean => {
      // Returns false when reading must stop.
      this.line = lineNo;
      if (end - start > max) {
        this.report(
          lineDiagnostic(
            { line: lineNo, offset: base + start },
            'borg/line-too-long',
            'error',
            `Line is ${end - start} characters long, longer than the limit`,
            { fileName, length: 0 },
          ),
        );
        return true;
      }
      if (end === start) return true;
      const t = text.slice(start, end);
      let v: unknown;
      let problem: LineProblem | undefined;
      try {
        v = parseLine(t);
        problem = v === NOT_AN_OBJECT ? badLine(notAnObject(t)) : checkItem(v);
      } catch {
        problem = badLine(notAnObject(t));
      }
      if (problem !== undefined) {
        this.report(
          lineDiagnostic(
            { line: lineNo, offset: base + start, text: t },
            problem.code,
            'error',
            problem.message,
            {
              fileName,
            },
          ),
        );
        if (stop) {
          this.stopped = true;
          return false;
        }
        return true;
      }
      if (unknown && hasUnknown)
        this.unknownKeys(v as Record<string, unknown>, { line: lineNo, offset: base + start, text: t });
      out.push(v as BorgItem);
      return true;
    };
    for await (const chunk of source) {
      const text = rest + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
      const cr = text.indexOf('\r') !== -1;
      const out: BorgItem[] = [];
      let start = 0;
      let nl = text.indexOf('\n');
      let go = true;
      while (nl !== -1) {
        if (skipping) skipping = false;
        else {
          const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
          go = handle(text, start, end, out);
          if (cr) lineNo += loneCrCount(text, start, end);
        }
        lineNo++;
        start = nl + 1;
        if (!go) break;
        nl = text.indexOf('\n', start);
      }
      if (out.length > 0) {
        this.count += out.length;
        yield out;
      }
      if (!go) return;
      base += start;
      rest = start === 0 ? text : text.slice(start);
      if (rest.length > max && !skipping) {
        this.report(
          lineDiagnostic(
            { line: lineNo, offset: base },
            'borg/line-too-long',
            'error',
            `Line is longer than the limit of ${max} characters`,
            { fileName, length: 0 },
          ),
        );
        skipping = true;
      }
      if (skipping) {
        base += rest.length;
        rest = '';
      }
    }
    rest += decoder.decode();
    if (!skipping && rest.length > 0) {
      const out: BorgItem[] = [];
      handle(rest, 0, rest.endsWith('\r') ? rest.length - 1 : rest.length, out);
      if (out.length > 0) {
        this.count += out.length;
        yield out;
      }
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<BorgItem> {
    for await (const batch of this.batches()) for (const item of batch) yield item;
  }
}

/** Reads `--json-lines` items from a stream (see {@link ItemReader}). */
export function readItems(source: TextSource, options: ReadItemsOptions = {}): ItemReader {
  return new ItemReader(source, options);
}

/** Parses a whole `--json-lines` text at once (for small inputs and tests). */
export function parseItems(
  text: string,
  options: ReadItemsOptions = {},
): { items: BorgItem[]; diagnostics: Diagnostic[] } {
  const items: BorgItem[] = [];
  // Synchronous twin of ItemReader.batches for in-memory text.
  const diagnostics: Diagnostic[] = [];
  let dropped = 0;
  const report = (d: Diagnostic) => {
    dropped = pushCapped(diagnostics, d, dropped);
    options.onDiagnostic?.(d);
  };
  const seen = new Set<string>();
  const stop = (options.onBadLine ?? 'stop') === 'stop';
  let offset = 0;
  const lines = text.split('\n');
  const cr = text.indexOf('\r') !== -1;
  let lineNo = 1;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const t = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const l: SourceLine = { line: lineNo, offset, text: t };
    lineNo += cr ? 1 + loneCrCount(t) : 1;
    offset += raw.length + 1;
    if (t.length === 0) continue;
    let v: unknown;
    let problem: LineProblem | undefined;
    try {
      v = parseLine(t);
      problem = v === NOT_AN_OBJECT ? badLine(notAnObject(t)) : checkItem(v);
    } catch {
      problem = badLine(notAnObject(t));
    }
    if (problem !== undefined) {
      report(lineDiagnostic(l, problem.code, 'error', problem.message, { fileName: options.fileName }));
      if (stop) break;
      continue;
    }
    if (options.reportUnknownKeys !== false) {
      for (const k in v as object) {
        if (!ITEM_KEYS.has(k) && !seen.has(k)) {
          seen.add(k);
          const col = t.indexOf(`"${k}"`);
          report(
            lineDiagnostic(l, 'borg/unknown-key', 'info', `Unknown item key \`${k}\``, {
              fileName: options.fileName,
              column: Math.max(0, col),
              length: col >= 0 ? k.length + 2 : 0,
            }),
          );
        }
      }
    }
    items.push(v as BorgItem);
  }
  return { items, diagnostics };
}

/**
 * One line exactly as borg writes it (`json.dumps` with `", "`/`": "` separators, ASCII
 * escapes, key order as in the object), without the newline: `emitLine(JSON.parse(x)) === x`.
 * Works for items, `diff --json-lines` entries and `--log-json` objects.
 */
export function emitLine(value: object, options: { sortKeys?: boolean } = {}): string {
  return pyDumps(value, { sortKeys: options.sortKeys === true, isFloatKey: isBorgFloatKey });
}

/** `emitLine` of every item, each followed by `\n` (the whole `--json-lines` output). */
export function emitItems(items: Iterable<object>, options: { sortKeys?: boolean } = {}): string {
  let out = '';
  for (const i of items) out += `${emitLine(i, options)}\n`;
  return out;
}
