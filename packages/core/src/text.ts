/**
 * Whether the character at `offset` (0-based, UTF-16) is escaped by a backslash: an odd number of
 * `\` stand right before it. `offset` may be `text.length` (is the end of the text escaped?).
 * Shell-style and o2cb-style files treat `\` before a line end as a continuation, so a fix that
 * removes a CR must not leave such a backslash before the LF.
 */
export function escapedByBackslash(text: string, offset: number): boolean {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) === 92) i--;
  return (offset - i) % 2 === 1;
}
