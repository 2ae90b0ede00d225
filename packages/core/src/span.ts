/**
 * A stretch of source text as UTF-16 code-unit offsets into the text it was read from.
 * `start` is 0-based and inclusive, `end` is 0-based and exclusive (`start === end` is an empty
 * span, used for "missing" things such as an absent `;` at end of file).
 */
export interface Span {
  /** 0-based offset of the first code unit (inclusive). */
  readonly start: number;
  /** 0-based offset just past the last code unit (exclusive). */
  readonly end: number;
}

/**
 * A place in a text as people count it (unist `Point`): `line` and `column` are 1-based, the
 * column counts UTF-16 code units, and `offset` is the 0-based offset it was made from.
 */
export interface Point {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units from the line start. */
  readonly column: number;
  /** 0-based UTF-16 offset into the text. */
  readonly offset: number;
}

/** A range between two points (unist `Position`): `start` inclusive, `end` exclusive. */
export interface Position {
  readonly start: Point;
  readonly end: Point;
}

/** Makes a span; throws a `RangeError` when `end < start` or either is negative (a programmer error). */
export function span(start: number, end: number = start): Span {
  if (!(start >= 0 && end >= start)) throw new RangeError(`Invalid span [${start}, ${end})`);
  return { start, end };
}

/** The smallest span covering both `a` and `b`. */
export function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** The text a span covers. */
export function sliceSpan(text: string, s: Span): string {
  return text.slice(s.start, s.end);
}
