/** Options of {@link shortenText}. */
export interface ShortenTextOptions {
  /** Longest text, in UTF-16 code units, shown whole (default 40). */
  readonly max?: number;
  /** Code units of a longer text kept before the ellipsis (default `max`). */
  readonly keep?: number;
  /** What marks the cut (default `…`). */
  readonly ellipsis?: string;
}

/**
 * Source text cut short for a message: a text of at most `max` UTF-16 code units comes back as it
 * is; a longer one keeps its first `keep` code units followed by `ellipsis`. A cut never splits a
 * surrogate pair, so an emoji at the cut is dropped whole rather than left as half a character
 * (which JSON and SARIF reporters would print as `\ud83d`). Quoting and escaping stay with the
 * caller, since each format shows control characters its own way.
 */
export function shortenText(text: string, options: ShortenTextOptions = {}): string {
  const max = options.max ?? 40;
  if (text.length <= max) return text;
  let keep = Math.max(0, Math.min(options.keep ?? max, text.length));
  const last = text.charCodeAt(keep - 1);
  if (keep > 0 && last >= 0xd800 && last <= 0xdbff) keep--;
  return `${text.slice(0, keep)}${options.ellipsis ?? '…'}`;
}
