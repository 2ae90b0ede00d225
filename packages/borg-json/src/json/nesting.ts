/**
 * The deepest `[`/`{` nesting ftkit reads in one JSON value. borg never writes more than about
 * ten levels; the limit keeps every recursive step after parsing (jsonc-parser's tree, zod,
 * the Python-style writer, value previews) far from the call-stack limit, which 5,000 levels
 * reach.
 */
export const MAX_JSON_DEPTH = 256;

/**
 * The offset of the first `[` or `{` (outside strings) that opens level `limit + 1` in
 * `text.slice(start, end)`, or -1 when the nesting stays within `limit`. One pass, linear in
 * the length; strings are skipped with their backslash escapes. Offsets are 0-based UTF-16
 * indexes into `text`.
 */
export function findTooDeep(text: string, limit = MAX_JSON_DEPTH, start = 0, end = text.length): number {
  // Nesting deeper than `limit` needs more than `limit` characters.
  if (end - start <= limit) return -1;
  // Fast path for flat lines (every item and most log lines): native indexOf, no char loop.
  if (limit >= 1 && start === 0 && end === text.length && text.indexOf('[') < 0) {
    const first = text.indexOf('{');
    if (first < 0 || text.indexOf('{', first + 1) < 0) return -1;
  }
  let depth = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < end; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      if (depth > 0) depth--;
    }
  }
  return -1;
}
