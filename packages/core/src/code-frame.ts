import { codeFrameColumns } from '@babel/code-frame';
import type { Position } from './span.js';

/** Options for {@link codeFrame}. */
export interface CodeFrameOptions {
  /** Lines of context above the span. Default 1. */
  readonly linesAbove?: number;
  /** Lines of context below the span. Default 1. */
  readonly linesBelow?: number;
  /** A message printed next to the caret. */
  readonly message?: string;
}

/**
 * Renders the source lines around a position with a `>` marker on the first line and carets
 * under the span, for terminal output. `position` uses 1-based lines and columns, end exclusive.
 */
export function codeFrame(text: string, position: Position, options: CodeFrameOptions = {}): string {
  const { start, end } = position;
  // @babel/code-frame takes an inclusive end column; a zero-width span gets a single caret.
  const sameLine = end.line === start.line;
  const endColumn = sameLine ? Math.max(end.column, start.column + 1) : end.column;
  return codeFrameColumns(
    text,
    { start: { line: start.line, column: start.column }, end: { line: end.line, column: endColumn } },
    {
      // Its highlighter knows JavaScript, not config files: plain text only.
      highlightCode: false,
      linesAbove: options.linesAbove ?? 1,
      linesBelow: options.linesBelow ?? 1,
      ...(options.message !== undefined ? { message: options.message } : {}),
    },
  );
}
