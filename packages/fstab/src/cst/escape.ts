/**
 * Decodes the octal escapes of fstab(5) the way libmount's `unmangle` does: a backslash followed
 * by exactly three octal digits is one character (the low 8 bits of the number); any other
 * backslash stays literal. libmount keeps the result as a C string, so an escape that decodes to
 * NUL (`\000`) ends the value there.
 */
export function unescapeField(raw: string): string {
  if (!raw.includes('\\')) return raw;
  const decoded = raw.replace(/\\([0-7])([0-7])([0-7])/g, (_m, a: string, b: string, c: string) =>
    String.fromCharCode((Number(a) * 64 + Number(b) * 8 + Number(c)) & 0xff),
  );
  const nul = decoded.indexOf('\0');
  return nul === -1 ? decoded : decoded.slice(0, nul);
}

/**
 * Encodes a field value for fstab as util-linux's `mangle` does: space, tab, line feed and
 * backslash become `\040`, `\011`, `\012`, `\134`; a leading `#` becomes `\043` so a value
 * never starts a comment; other characters are kept.
 */
export function escapeField(value: string): string {
  const out = value.replace(/[ \t\n\\]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`);
  return out.startsWith('#') ? `\\043${out.slice(1)}` : out;
}
