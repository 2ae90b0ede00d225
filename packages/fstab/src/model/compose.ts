import type { EntryLine, FstabCst } from '../cst/types.js';
import type { MountOption } from '../options.js';
import { parseOptions } from '../options.js';
import type { FstabEntryData } from './entry.js';

/** A trailing field that may be left out. */
export type OptionalField = 'mntops' | 'freq' | 'passno';

/** One entry of the model: the six fields (defaults applied) plus the parsed options. */
export interface FstabEntry extends FstabEntryData {
  /** `mntops` split at commas. */
  readonly options: readonly MountOption[];
  /** Trailing fields the line leaves out (their defaults are in the entry). */
  readonly missing: readonly OptionalField[];
}

/** The model of an fstab file: the entries libmount would use, in file order. */
export interface Fstab {
  readonly entries: readonly FstabEntry[];
}

/**
 * Reads `fs_freq`/`fs_passno` as libmount does (`strtol` base 10, then stored in an `int`):
 * optional sign and decimal digits only; huge values clamp to the 64-bit range and then wrap to
 * 32 bits. `undefined` when libmount rejects the field (and ignores the line).
 */
export function parseFstabNumber(raw: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(raw)) return undefined;
  // Fast path: up to 9 digits always fits an int, no BigInt needed.
  if (raw.length <= 9) return Number(raw) + 0; // + 0 turns -0 into 0, as strtol("-0") is 0
  let v = BigInt(raw);
  const max = 2n ** 63n - 1n;
  const min = -(2n ** 63n);
  if (v > max) v = max;
  if (v < min) v = min;
  return Number(BigInt.asIntN(32, v));
}

/** Why an entry line is not usable, or `undefined` when libmount would read it. */
export function entryProblem(line: EntryLine): 'fields' | 'freq' | 'passno' | undefined {
  const f = line.fields;
  if (f.length < 3) return 'fields';
  if (f[4] && parseFstabNumber(f[4].raw) === undefined) return 'freq';
  if (f[5] && parseFstabNumber(f[5].raw) === undefined) return 'passno';
  return undefined;
}

/** The model entry of a usable entry line. */
export function entryOf(line: EntryLine): FstabEntry {
  const [spec, file, vfstype, mntops, freq, passno] = line.fields;
  const missing: OptionalField[] = [];
  if (!mntops) missing.push('mntops');
  if (!freq) missing.push('freq');
  if (!passno) missing.push('passno');
  const opts = mntops ? mntops.value : 'defaults';
  return {
    spec: spec!.value,
    file: file!.value,
    vfstype: vfstype!.value,
    mntops: opts,
    freq: freq ? parseFstabNumber(freq.raw)! : 0,
    passno: passno ? parseFstabNumber(passno.raw)! : 0,
    options: parseOptions(opts),
    missing,
  };
}

/** Pairs of usable entry lines and their model entries, in file order. */
export function composeWithLines(cst: FstabCst): { entries: FstabEntry[]; lines: EntryLine[] } {
  const entries: FstabEntry[] = [];
  const lines: EntryLine[] = [];
  for (const l of cst.lines) {
    if (l.type !== 'entry' || entryProblem(l) !== undefined) continue;
    entries.push(entryOf(l));
    lines.push(l);
  }
  return { entries, lines };
}

/** Builds the model from a CST: lines libmount rejects are left out, as libmount does. */
export function compose(cst: FstabCst): Fstab {
  return { entries: composeWithLines(cst).entries };
}
