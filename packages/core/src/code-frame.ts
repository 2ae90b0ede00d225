import { codeFrameColumns } from '@babel/code-frame';
import { findSecretSpans, REDACTED, redactText } from './safe.js';
import type { Position } from './span.js';

/** Options for {@link codeFrame}. */
export interface CodeFrameOptions {
  /** Lines of context above the span. Default 1. */
  readonly linesAbove?: number;
  /** Lines of context below the span. Default 1. */
  readonly linesBelow?: number;
  /** A message printed next to the caret. */
  readonly message?: string;
  /**
   * Secret values: wherever one stands as a whole token on a shown line it is printed as
   * `«redacted»` (the carets move with it), so a frame never shows a secret.
   */
  readonly secrets?: readonly string[];
}

// The line breaks @babel/code-frame splits on; columns count from the start of such a line.
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;

/** Maps a 0-based column through the replacements of `spans` (sorted) on its line. */
function shift(col: number, spans: readonly { start: number; end: number }[], atEnd: boolean): number {
  let delta = 0;
  for (const sp of spans) {
    if (col <= sp.start) break;
    if (col < sp.end) return sp.start + delta + (atEnd ? REDACTED.length : 0);
    delta += REDACTED.length - (sp.end - sp.start);
  }
  return col + delta;
}

/**
 * The text with secrets redacted on the lines a frame shows, and the position moved to match.
 * Secrets never span lines in the formats ftkit reads, so the search runs line by line.
 */
function redactFrame(
  text: string,
  position: Position,
  from: number,
  to: number,
  secrets: readonly string[],
): { text: string; position: Position } {
  const lines = text.split(LINE_BREAK);
  const { start, end } = position;
  let startCol = start.column;
  let endCol = end.column;
  for (let n = Math.max(1, from); n <= Math.min(lines.length, to); n++) {
    const line = lines[n - 1]!;
    const spans = findSecretSpans(line, secrets);
    if (spans.length === 0) continue;
    let out = '';
    let at = 0;
    for (const sp of spans) {
      out += line.slice(at, sp.start) + REDACTED;
      at = sp.end;
    }
    lines[n - 1] = out + line.slice(at);
    if (n === start.line) startCol = shift(start.column - 1, spans, false) + 1;
    if (n === end.line) endCol = shift(end.column - 1, spans, true) + 1;
  }
  return {
    text: lines.join('\n'),
    position: { start: { ...start, column: startCol }, end: { ...end, column: endCol } },
  };
}

/**
 * Renders the source lines around a position with a `>` marker on the first line and carets
 * under the span, for terminal output. `position` uses 1-based lines and columns, end exclusive.
 */
export function codeFrame(text: string, position: Position, options: CodeFrameOptions = {}): string {
  const above = options.linesAbove ?? 1;
  const below = options.linesBelow ?? 1;
  const secrets = options.secrets?.filter((x) => x.length > 0) ?? [];
  const shown =
    secrets.length > 0
      ? redactFrame(text, position, position.start.line - above, position.end.line + below, secrets)
      : { text, position };
  const { start, end } = shown.position;
  // @babel/code-frame takes an inclusive end column; a zero-width span gets a single caret.
  const sameLine = end.line === start.line;
  const endColumn = sameLine ? Math.max(end.column, start.column + 1) : end.column;
  return codeFrameColumns(
    shown.text,
    { start: { line: start.line, column: start.column }, end: { line: end.line, column: endColumn } },
    {
      // Its highlighter knows JavaScript, not config files: plain text only.
      highlightCode: false,
      linesAbove: above,
      linesBelow: below,
      ...(options.message !== undefined ? { message: redactText(options.message, secrets) } : {}),
    },
  );
}
