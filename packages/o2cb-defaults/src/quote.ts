/** Characters that need no quoting in a POSIX shell word (conservative). */
const SAFE = /^[A-Za-z0-9_.,:/+@%=-]+$/;

/**
 * Writes `value` as one shell word that sources back to exactly `value`: unquoted when it only
 * has safe characters (all legal O2CB values), single-quoted otherwise (`'` as `'\''`), and
 * empty for the empty string (`NAME=` sets an empty value).
 */
export function shellQuote(value: string): string {
  if (value === '') return '';
  if (SAFE.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
