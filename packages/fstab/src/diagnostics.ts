/**
 * Codes of the diagnostics `parse` produces (lint rules use their rule id as code):
 * - `MISSING_FIELD` (error): fewer than three fields; libmount reports a parse error and ignores the line.
 * - `INVALID_NUMBER` (error): `fs_freq`/`fs_passno` not a decimal number; the line is ignored.
 * - `EXTRA_FIELD` (warning): fields after the sixth; libmount ignores them (fstab has no trailing comments).
 */
export type FstabErrorCode = 'MISSING_FIELD' | 'INVALID_NUMBER' | 'EXTRA_FIELD';

/** The package name recorded as `source` on every diagnostic. */
export const SOURCE = '@ftkit/fstab';

/** Documentation of every parse diagnostic code. */
export const PARSE_CODES: Readonly<Record<FstabErrorCode, string>> = {
  MISSING_FIELD: 'The line has fewer than three fields; libmount ignores it',
  INVALID_NUMBER: 'fs_freq or fs_passno is not a decimal number; libmount ignores the line',
  EXTRA_FIELD: 'Fields after fs_passno are ignored',
};
