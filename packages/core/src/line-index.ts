import type { Point, Position, Span } from './span.js';

/**
 * Turns 0-based UTF-16 offsets into 1-based line/column points for one text.
 *
 * Built once per text (one pass recording line starts), then every lookup is a binary search.
 * A line ends at `\n`, at `\r\n` (counted as one break) or at a lone `\r`. An offset that sits on
 * a line break belongs to the line the break ends (parsimmon gets this wrong; we do not).
 * Offsets past the end are clamped to the end of the text.
 */
export class LineIndex {
  /** 0-based offsets at which each line starts; `lineStarts[0] === 0`. */
  readonly lineStarts: readonly number[];
  /** Length of the indexed text in UTF-16 code units. */
  readonly length: number;

  constructor(text: string) {
    const starts = [0];
    const n = text.length;
    if (text.indexOf('\r') < 0) {
      // LF only (almost every file): the engine's own search is much faster than a character
      // loop in a short-lived process, where the loop runs before it is optimised.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) {
          starts.push(i + 1);
        } else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
    this.length = n;
  }

  /** Number of lines (an empty text has one empty line; a trailing newline opens one more). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 0-based line index containing `offset` (clamped to `[0, length]`). */
  lineIndexOf(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.length));
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The 1-based point for a 0-based offset (clamped to `[0, length]`). */
  pointAt(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.length));
    const line = this.lineIndexOf(o);
    return { line: line + 1, column: o - this.lineStarts[line]! + 1, offset: o };
  }

  /** The position (start inclusive, end exclusive) of a span. */
  positionOf(s: Span): Position {
    return { start: this.pointAt(s.start), end: this.pointAt(s.end) };
  }

  /**
   * The 0-based offset for a 1-based line and column. Columns past the end of the line are
   * clamped to the line's end (before its break); lines past the end give the text length.
   */
  offsetAt(line: number, column: number): number {
    if (line < 1) return 0;
    if (line > this.lineStarts.length) return this.length;
    const start = this.lineStarts[line - 1]!;
    const next = line < this.lineStarts.length ? this.lineStarts[line]! : this.length;
    return Math.min(start + Math.max(column, 1) - 1, next);
  }

  /** 0-based span of line `line` (1-based), without its line break. */
  lineSpan(line: number, text: string): Span {
    const start = this.lineStarts[line - 1] ?? this.length;
    let end = line < this.lineStarts.length ? this.lineStarts[line]! : this.length;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    return { start, end };
  }

  /**
   * LSP coordinates: 0-based `line` and 0-based `character` (UTF-16 code units), as the
   * Language Server Protocol uses them.
   */
  lspPositionAt(offset: number): { line: number; character: number } {
    const p = this.pointAt(offset);
    return { line: p.line - 1, character: p.column - 1 };
  }
}
