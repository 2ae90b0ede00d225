/**
 * Codes of the diagnostics `parse` produces (lint rules use their rule id as code):
 * - `fstab/missing-field` (error): fewer than three fields; libmount reports a parse error and ignores the line.
 * - `fstab/invalid-number` (error): `fs_freq`/`fs_passno` not a decimal number; the line is ignored.
 * - `fstab/extra-field` (warning): fields after the sixth; libmount ignores them (fstab has no trailing comments).
 * - `fstab/too-many-problems` (worst dropped): more than 1000 in one file; the rest are counted in it.
 */
export type FstabErrorCode =
  | 'fstab/missing-field'
  | 'fstab/invalid-number'
  | 'fstab/extra-field'
  | 'fstab/too-many-problems';

/** The package name recorded as `source` on every diagnostic. */
export const SOURCE = '@ftkit/fstab';

/** Documentation of every parse diagnostic code. */
export const PARSE_CODES: Readonly<Record<FstabErrorCode, string>> = {
  'fstab/missing-field': 'The line has fewer than three fields; libmount ignores it',
  'fstab/invalid-number': 'fs_freq or fs_passno is not a decimal number; libmount ignores the line',
  'fstab/extra-field': 'Fields after fs_passno are ignored',
  'fstab/too-many-problems':
    'More than 1000 problems in one file (`MAX_DIAGNOSTICS`): the rest are counted in this one',
};
