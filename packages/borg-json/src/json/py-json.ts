/**
 * A re-implementation of what Python's `json.dumps` prints, which is what borg writes. Borg uses
 * `ensure_ascii=True` (every non-ASCII UTF-16 unit becomes `\uXXXX`, lower-case hex),
 * `indent=4, sort_keys=True` for `--json` documents and the default compact separators
 * (`", "`, `": "`) for `--json-lines` and `--log-json` lines. Floats are Python `repr`s.
 *
 * JavaScript numbers do not remember whether they were written as `1` or `1.0`, so the caller
 * says which keys hold floats ({@link PyJsonOptions.isFloatKey}); any non-integral number is a
 * float anyway.
 */

import { BorgTimestamp } from '../timestamp.js';

/** Options for {@link pyDumps}. */
export interface PyJsonOptions {
  /**
   * `null` (default) for one line with `", "`/`": "` separators; a number of spaces or a string
   * for pretty printing as `json.dumps(indent=…)` does (separators `","` and `": "`).
   */
  readonly indent?: number | string | null;
  /** Sort object keys by code point (borg's `--json` documents do). Default `false`. */
  readonly sortKeys?: boolean;
  /** Whether the number under `key` is a Python float (printed with `.0` when integral). */
  readonly isFloatKey?: (key: string) => boolean;
}

const hex = (n: number) => n.toString(16).padStart(4, '0');

/** Python `json.dumps(s, ensure_ascii=True)` of one string, quotes included. */
export function pyString(s: string): string {
  let out = '"';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e && c !== 0x22 && c !== 0x5c) continue;
    if (i > last) out += s.slice(last, i);
    last = i + 1;
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x0c:
        out += '\\f';
        break;
      default:
        out += `\\u${hex(c)}`;
    }
  }
  return `${out}${last === 0 ? s : s.slice(last)}"`;
}

/** Python `repr(float(n))`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pyFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return 'Infinity';
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  // toExponential() without digits gives the shortest representation that round-trips,
  // the same digits Python's repr picks (both use the shortest-round-trip algorithm).
  const e = n.toExponential();
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(e);
  if (!m) return String(n);
  const sign = m[1]!;
  const digits = m[2]! + (m[3] ?? '');
  const exp = Number(m[4]);
  if (exp < -4 || exp >= 16) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const ae = Math.abs(exp);
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${ae < 10 ? `0${ae}` : ae}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intLen = exp + 1;
  if (digits.length <= intLen) return `${sign}${digits}${'0'.repeat(intLen - digits.length)}.0`;
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

/** Python `str(int)` / `repr(float)` for a JSON number, depending on whether it is a float. */
export function pyNumber(n: number | bigint, float: boolean): string {
  if (typeof n === 'bigint') return n.toString();
  if (!float && Number.isInteger(n)) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  return pyFloat(n);
}

/**
 * `json.dumps(value, ensure_ascii=True, indent=…, sort_keys=…)` as borg calls it. `undefined`
 * object members are skipped, {@link BorgTimestamp} values print as their original text.
 */
export function pyDumps(value: unknown, options: PyJsonOptions = {}): string {
  const indent =
    options.indent === undefined || options.indent === null
      ? null
      : typeof options.indent === 'number'
        ? ' '.repeat(options.indent)
        : options.indent;
  const sortKeys = options.sortKeys === true;
  const isFloat = options.isFloatKey ?? (() => false);
  const itemSep = indent === null ? ', ' : ',';
  const write = (v: unknown, key: string, level: number): string => {
    if (v === null) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (typeof v === 'string') return pyString(v);
    if (typeof v === 'number' || typeof v === 'bigint') return pyNumber(v, isFloat(key));
    if (v instanceof BorgTimestamp) return pyString(v.text);
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      if (indent === null) return `[${v.map((x) => write(x, key, level)).join(itemSep)}]`;
      const pad = `\n${indent.repeat(level + 1)}`;
      return `[${pad}${v.map((x) => write(x, key, level + 1)).join(itemSep + pad)}\n${indent.repeat(level)}]`;
    }
    if (v instanceof Map) return writeObject([...v.entries()], level);
    if (typeof v === 'object') return writeObject(Object.entries(v as object), level);
    return 'null';
  };
  const writeObject = (entries: [string, unknown][], level: number): string => {
    const list = entries.filter(([, x]) => x !== undefined);
    if (list.length === 0) return '{}';
    // Python sorts str keys by code point; JS `<` on strings compares UTF-16 units, which is
    // the same order for every key outside the astral planes (borg keys are ASCII).
    if (sortKeys) list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (indent === null)
      return `{${list.map(([k, x]) => `${pyString(k)}: ${write(x, k, level)}`).join(itemSep)}}`;
    const pad = `\n${indent.repeat(level + 1)}`;
    return `{${pad}${list.map(([k, x]) => `${pyString(k)}: ${write(x, k, level + 1)}`).join(itemSep + pad)}\n${indent.repeat(level)}}`;
  };
  return write(value, '', 0);
}
