/**
 * Codes of the diagnostics `parse` produces (lint rules use their rule id as code):
 * - `MISSING_FIELD` (error): fewer than three fields; libmount reports a parse error and ignores the line.
 * - `INVALID_NUMBER` (error): `fs_freq`/`fs_passno` not a decimal number; the line is ignored.
 * - `EXTRA_FIELD` (warning): fields after the sixth; libmount ignores them (fstab has no trailing comments).
 * - `TOO_MANY_PROBLEMS` (worst dropped): more than 1000 in one file; the rest are counted in it.
 */
export type FstabErrorCode = 'MISSING_FIELD' | 'INVALID_NUMBER' | 'EXTRA_FIELD' | 'TOO_MANY_PROBLEMS';

/** The package name recorded as `source` on every diagnostic. */
export const SOURCE = '@ftkit/fstab';

/** Documentation of every parse diagnostic code. */
export const PARSE_CODES: Readonly<Record<FstabErrorCode, string>> = {
  MISSING_FIELD: 'The line has fewer than three fields; libmount ignores it',
  INVALID_NUMBER: 'fs_freq or fs_passno is not a decimal number; libmount ignores the line',
  EXTRA_FIELD: 'Fields after fs_passno are ignored',
  TOO_MANY_PROBLEMS:
    'More than 1000 problems in one file (`MAX_DIAGNOSTICS`): the rest are counted in this one',
};
