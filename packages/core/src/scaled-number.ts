/**
 * Numbers with unit suffixes, as DRBD, OCFS2 and Borg write them.
 *
 * A suffix multiplies by a power of two (`K` = 2^10, `M` = 2^20, `G` = 2^30, `T` = 2^40,
 * `s` = 512-byte sectors = 2^9). A value is read against a *scale*, the unit a plain number
 * means (bytes, KiB, sectors …): the result is expressed in that scale, and a division that
 * does not come out even is rounded **up** (drbd-utils' `new_strtoll` does the same).
 */

/** Bits of shift for each suffix letter (case-insensitive unless the caller restricts it). */
export const SUFFIX_SHIFT: Readonly<Record<string, number>> = Object.freeze({
  K: 10,
  M: 20,
  G: 30,
  T: 40,
  s: 9,
});

/** Bits of shift for each scale: `1` plain units, `k` KiB, `s` 512-byte sectors, `M` MiB. */
export const SCALE_SHIFT: Readonly<Record<'1' | 'k' | 's' | 'M', number>> = Object.freeze({
  '1': 0,
  k: 10,
  s: 9,
  M: 20,
});

/** A parsed suffixed number. */
export interface ScaledNumber {
  /** The digits as written, without suffix. */
  readonly digits: string;
  /** The suffix letter as written, or `''`. */
  readonly suffix: string;
  /** The value in the requested scale (rounded up when the conversion divides). */
  readonly value: number;
  /** Whether `value` is exact (false when it exceeds `Number.MAX_SAFE_INTEGER`). */
  readonly exact: boolean;
}

/** Options for {@link parseScaledNumber}. */
export interface ScaledNumberOptions {
  /** The unit a plain number means. Default `'1'`. */
  readonly scale?: keyof typeof SCALE_SHIFT;
  /** Accepted suffix letters. Default `K M G s`, matched case-insensitively except `s`. */
  readonly suffixes?: readonly string[];
  /** Accept a leading `-`. Default false. */
  readonly allowNegative?: boolean;
}

const numberRe = /^(-?)(\d+)([A-Za-z]?)$/;

/**
 * Parses `digits[suffix]` (e.g. `10M`, `4096`, `1s`) into a value in the given scale.
 * Returns `undefined` for anything else (`1.5M`, `10MB`, `10 M`, empty text).
 */
export function parseScaledNumber(text: string, options: ScaledNumberOptions = {}): ScaledNumber | undefined {
  const m = numberRe.exec(text);
  if (!m) return undefined;
  const [, sign, digits, suffix] = m as unknown as [string, string, string, string];
  if (sign && !options.allowNegative) return undefined;
  const allowed = options.suffixes ?? ['K', 'M', 'G', 's'];
  let shift = 0;
  if (suffix) {
    const key = suffix === 's' || suffix === 'S' ? 's' : suffix.toUpperCase();
    const ok = allowed.some(
      (a) => a === suffix || (a !== 's' && a.toUpperCase() === key) || (a === 's' && key === 's'),
    );
    if (!ok || SUFFIX_SHIFT[key] === undefined) return undefined;
    // A plain number is already in the scale; only a suffix converts.
    shift = SUFFIX_SHIFT[key]! - SCALE_SHIFT[options.scale ?? '1'];
  }
  let big = BigInt(digits);
  if (shift >= 0) big <<= BigInt(shift);
  else {
    const div = 1n << BigInt(-shift);
    big = (big + div - 1n) / div;
  }
  if (sign) big = -big;
  const value = Number(big);
  return { digits, suffix, value, exact: Number.isSafeInteger(value) };
}

const iec = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/** Formats a byte count with binary units (`1.5 GiB`), at most one decimal. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  const neg = bytes < 0;
  let v = Math.abs(bytes);
  let i = 0;
  while (v >= 1024 && i < iec.length - 1) {
    v /= 1024;
    i++;
  }
  const s = i === 0 ? String(v) : v >= 100 ? v.toFixed(0) : v.toFixed(1).replace(/\.0$/, '');
  return `${neg ? '-' : ''}${s} ${iec[i]}`;
}
