/** Options of {@link shortenText}. */
export interface ShortenTextOptions {
  /** Longest text, in UTF-16 code units, shown whole (default 40). */
  readonly max?: number;
  /** Code units of a longer text kept before the ellipsis (default `max`). */
  readonly keep?: number;
  /** What marks the cut (default `…`). */
  readonly ellipsis?: string;
  /**
   * Show C0 control characters and DEL (U+0000–U+001F, U+007F) as `\xNN` (two lower-case hex
   * digits), after the cut, so that a message never carries a raw escape sequence or line break
   * from the input to a terminal (default false).
   */
  readonly escapeControls?: boolean;
}

const reControl = /[\x00-\x1f\x7f]/g;

/**
 * Source text cut short for a message: a text of at most `max` UTF-16 code units comes back as it
 * is; a longer one keeps its first `keep` code units followed by `ellipsis`. A cut never splits a
 * surrogate pair, so an emoji at the cut is dropped whole rather than left as half a character
 * (which JSON and SARIF reporters would print as `\ud83d`). Quoting stays with the caller;
 * `escapeControls` spells control characters out as `\xNN`.
 */
export function shortenText(text: string, options: ShortenTextOptions = {}): string {
  const max = options.max ?? 40;
  let out = text;
  if (text.length > max) {
    let keep = Math.max(0, Math.min(options.keep ?? max, text.length));
    const last = text.charCodeAt(keep - 1);
    if (keep > 0 && last >= 0xd800 && last <= 0xdbff) keep--;
    out = `${text.slice(0, keep)}${options.ellipsis ?? '…'}`;
  }
  return options.escapeControls
    ? out.replace(reControl, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    : out;
}
