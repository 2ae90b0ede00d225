import { type Diagnostic, MAX_DIAGNOSTICS } from '@ftkit/core';
import { type BorgDiagnosticCode, codeUrl, SOURCE } from '../diagnostics.js';

/** Anything a stream reader accepts: a Node `Readable`, `process.stdin`, a web stream, an array. */
export type TextSource = AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array> | string;

/** One line of a stream (without its `\n`; a `\r` before it is dropped too). */
export interface SourceLine {
  /** 1-based line number. */
  readonly line: number;
  /** UTF-16 offset of the line's first character in the whole stream (0-based). */
  readonly offset: number;
  readonly text: string;
}

/** Options shared by the stream readers. */
export interface LineOptions {
  /** Lines longer than this many UTF-16 units are skipped with `borg/line-too-long`. Default 16 MiB. */
  readonly maxLineLength?: number;
  /** Name used in diagnostics. */
  readonly fileName?: string;
}

/**
 * Splits a source into batches of lines, one batch per incoming chunk, holding only the
 * unfinished last line between chunks (bounded memory for any stream length). Over-long lines
 * are dropped and reported through `onLong`.
 */
export async function* lineBatches(
  source: TextSource,
  options: LineOptions = {},
  onLong?: (line: number, offset: number, length: number) => void,
): AsyncGenerator<SourceLine[]> {
  const max = options.maxLineLength ?? 16 * 1024 * 1024;
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let skipping = false;
  let lineNo = 1;
  let base = 0; // offset of `rest` in the stream
  const chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array> =
    typeof source === 'string' ? [source] : source;
  for await (const chunk of chunks) {
    const s = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const batch: SourceLine[] = [];
    let text = rest + s;
    const cr = text.indexOf('\r') !== -1;
    let start = 0;
    let nl = text.indexOf('\n');
    while (nl !== -1) {
      if (skipping) {
        skipping = false;
      } else {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (end - start > max) onLong?.(lineNo, base + start, end - start);
        else batch.push({ line: lineNo, offset: base + start, text: text.slice(start, end) });
        if (cr) lineNo += loneCrCount(text, start, end);
      }
      lineNo++;
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    base += start;
    text = text.slice(start);
    if (text.length > max && !skipping) {
      onLong?.(lineNo, base, text.length);
      skipping = true;
    }
    if (skipping) {
      base += text.length;
      text = '';
    }
    rest = text;
    if (batch.length > 0) yield batch;
  }
  const tail = rest + decoder.decode();
  const end = tail.endsWith('\r') ? tail.length - 1 : tail.length;
  if (!skipping && tail.length > 0) yield [{ line: lineNo, offset: base, text: tail.slice(0, end) }];
}

/**
 * The number of `\r` in `text.slice(start, end)`. A line never contains the `\r` of a `\r\n`
 * (it is cut off), so each one is a lone `\r`, which ends a line too (docs/architecture.md).
 */
export function loneCrCount(text: string, start = 0, end = text.length): number {
  // A loop over the range: indexOf would search on to the end of a whole chunk for every line.
  let n = 0;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 13) n++;
  return n;
}

/** Line (0-based, relative) and column (1-based) of `col` in a line text with lone `\r`s. */
function within(text: string | undefined, col: number): { dl: number; column: number } {
  if (text === undefined) return { dl: 0, column: col + 1 };
  const before = Math.min(col, text.length);
  const dl = loneCrCount(text, 0, before);
  if (dl === 0) return { dl: 0, column: col + 1 };
  return { dl, column: col - text.lastIndexOf('\r', before - 1) };
}

/** A diagnostic about one stream line (positions from the line number, not a whole-text index). */
export function lineDiagnostic(
  line: SourceLine | { line: number; offset: number; text?: string },
  code: BorgDiagnosticCode,
  severity: Diagnostic['severity'],
  message: string,
  options: { fileName?: string; column?: number; length?: number; note?: string } = {},
): Diagnostic {
  const col = options.column ?? 0;
  const len = options.length ?? Math.max(0, (line.text?.length ?? 0) - col);
  const start = line.offset + col;
  const end = start + len;
  const a = within(line.text, col);
  const b = within(line.text, col + len);
  return {
    code,
    severity,
    message,
    span: { start, end },
    position: {
      start: { line: line.line + a.dl, column: a.column, offset: start },
      end: { line: line.line + b.dl, column: b.column, offset: end },
    },
    url: codeUrl(code),
    source: SOURCE,
    ...(options.fileName !== undefined ? { file: options.fileName } : {}),
    ...(options.note !== undefined ? { note: options.note } : {}),
  };
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Appends `d` to `list` unless `list` already holds {@link MAX_DIAGNOSTICS}; past that, the
 * last element is one `borg/too-many-problems` diagnostic (worst severity, placed at the first
 * one dropped) whose message counts the rest. `dropped` is the count so far; returns the new
 * count. Keeps a stream of 10^7 bad lines at a thousand diagnostics in memory.
 */
export function pushCapped(list: Diagnostic[], d: Diagnostic, dropped: number): number {
  if (dropped === 0 && list.length < MAX_DIAGNOSTICS) {
    list.push(d);
    return 0;
  }
  const n = dropped + 1;
  const prev = dropped > 0 ? list[list.length - 1]! : d;
  const summary: Diagnostic = {
    code: 'borg/too-many-problems',
    severity: RANK[d.severity] < RANK[prev.severity] ? d.severity : prev.severity,
    message: `Too many problems: ${n} more after the first ${MAX_DIAGNOSTICS} are not listed`,
    span: prev.span,
    position: prev.position,
    url: codeUrl('borg/too-many-problems'),
    source: SOURCE,
    ...(prev.file !== undefined ? { file: prev.file } : {}),
  };
  if (dropped > 0) list[list.length - 1] = summary;
  else list.push(summary);
  return n;
}
