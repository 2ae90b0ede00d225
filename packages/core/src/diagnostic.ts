import { LineIndex } from './line-index.js';
import type { Position, Span } from './span.js';
import type { TextEdit } from './text-edit.js';

/** How bad a finding is. `error` makes `ftkit` exit 1; `warning` and `info` do not. */
export type Severity = 'error' | 'warning' | 'info';

/** A suggested change that resolves a diagnostic, as text edits against the original text. */
export interface Fix {
  /** What applying the fix does, in plain words (e.g. "Insert `;`"). */
  readonly description: string;
  /** Edits against the original text (offsets, see {@link TextEdit}). */
  readonly edits: readonly TextEdit[];
}

/**
 * The one message type for parse errors, schema issues and lint findings (modelled on
 * vfile-message). `span` is the truth (0-based offsets, end exclusive); `position` is derived
 * from it (1-based line and column) so reporters need not hold the text.
 */
export interface Diagnostic {
  /** Stable machine-readable code, e.g. `drbd/include-depth` or a rule id. */
  readonly code: string;
  readonly severity: Severity;
  /** One sentence in plain words: no position, no rule id, no trailing period. */
  readonly message: string;
  /** Offsets into the text of `file` (0-based, end exclusive). */
  readonly span: Span;
  /** `span` as 1-based lines and columns. */
  readonly position: Position;
  /** The file the span belongs to, as the caller named it; absent for anonymous text. */
  readonly file?: string;
  /** The package that produced it, e.g. `@ftkit/drbd-conf`. */
  readonly source: string;
  /** The lint rule id when a rule produced it. */
  readonly ruleId?: string;
  /** What would have been accepted at this place (for syntax errors). */
  readonly expected?: readonly string[];
  /** What was found instead. */
  readonly actual?: string;
  /** A second sentence with background or advice. */
  readonly note?: string;
  /** Documentation for this code or rule. */
  readonly url?: string;
  /** A safe automatic fix. */
  readonly fix?: Fix;
  /** Other places that take part in the finding (e.g. the first definition of a duplicate). */
  readonly related?: readonly RelatedLocation[];
}

/** A secondary place in some file that a diagnostic refers to. */
export interface RelatedLocation {
  readonly message: string;
  readonly span: Span;
  readonly position: Position;
  readonly file?: string;
}

/** What a producer supplies; the collector derives `position` and fills `file` and `source`. */
export type DiagnosticInput = Omit<Diagnostic, 'position' | 'source' | 'file' | 'related'> & {
  readonly source?: string;
  readonly file?: string;
  readonly related?: readonly { message: string; span: Span; file?: string; lineIndex?: LineIndex }[];
};

/**
 * Diagnostics listed per file by default; further ones are counted in one summary diagnostic.
 * A real configuration never comes close, while megabytes of garbage (8 MB of `}`, 10^7 bad
 * stream lines) stay bounded in memory and in what a reporter prints.
 */
export const MAX_DIAGNOSTICS = 1000;

/** Options of {@link DiagnosticCollector} and {@link capDiagnostics}. */
export interface DiagnosticLimitOptions {
  /** Diagnostics kept (default {@link MAX_DIAGNOSTICS}); the rest are only counted. */
  readonly limit?: number;
  /** Code of the summary diagnostic that counts the rest (default `TOO_MANY_PROBLEMS`). */
  readonly overflowCode?: string;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** `Too many problems: N more …`, the message of every summary diagnostic. */
function overflowMessage(dropped: number, limit: number): string {
  return `Too many problems: ${dropped} more after the first ${limit} are not listed`;
}

/**
 * Collects diagnostics for one text, computing positions with a shared {@link LineIndex}.
 * Producers hand in offsets only; nobody works out line numbers by hand. After `limit`
 * diagnostics (default {@link MAX_DIAGNOSTICS}) the rest are counted in one summary diagnostic
 * (code `overflowCode`, the worst severity dropped, placed at the first one dropped).
 */
export class DiagnosticCollector {
  readonly items: Diagnostic[] = [];
  readonly text: string;
  readonly source: string;
  readonly file: string | undefined;
  /** Diagnostics counted but not kept (see {@link MAX_DIAGNOSTICS}). */
  dropped = 0;
  #lineIndex: LineIndex | undefined;
  readonly #limit: number;
  readonly #overflowCode: string;
  #worst: Severity = 'info';

  /**
   * `source` is the package name; `file` the name used in diagnostics. The line index is built
   * on the first diagnostic, so a clean parse of a large text never pays for it.
   */
  constructor(
    text: string,
    source: string,
    file?: string,
    lineIndex?: LineIndex,
    options: DiagnosticLimitOptions = {},
  ) {
    this.text = text;
    this.source = source;
    this.file = file;
    this.#lineIndex = lineIndex;
    this.#limit = options.limit ?? MAX_DIAGNOSTICS;
    this.#overflowCode = options.overflowCode ?? 'TOO_MANY_PROBLEMS';
  }

  /** The line index of `text` (built on first use). */
  get lineIndex(): LineIndex {
    this.#lineIndex ??= new LineIndex(this.text);
    return this.#lineIndex;
  }

  /**
   * Adds a diagnostic and returns it. Past the limit it is only counted: the summary diagnostic
   * (the last item) is updated and returned instead, without working out a position, so that
   * millions of dropped diagnostics cost little more than the count.
   */
  add(input: DiagnosticInput): Diagnostic {
    if (this.dropped === 0 && this.items.length < this.#limit) {
      const d = makeDiagnostic(this.lineIndex, { file: this.file, source: this.source, ...input });
      this.items.push(d);
      return d;
    }
    this.dropped++;
    if (this.dropped === 1) {
      this.#worst = input.severity;
      const summary = makeDiagnostic(this.lineIndex, {
        code: this.#overflowCode,
        severity: input.severity,
        message: '',
        span: input.span,
        source: this.source,
        ...(this.file !== undefined ? { file: this.file } : {}),
      });
      // The count and the worst severity are read when the summary is read: a drop then costs
      // a comparison, not a new object (8 MB of `}` drop 8 million).
      Object.defineProperty(summary, 'message', {
        get: () => overflowMessage(this.dropped, this.#limit),
        enumerable: true,
      });
      Object.defineProperty(summary, 'severity', { get: () => this.#worst, enumerable: true });
      this.items.push(summary);
      return summary;
    }
    if (severityRank[input.severity] < severityRank[this.#worst]) this.#worst = input.severity;
    return this.items[this.items.length - 1]!;
  }

  /** Shorthand for an error. */
  error(code: string, message: string, s: Span, extra: Partial<DiagnosticInput> = {}): Diagnostic {
    return this.add({ code, severity: 'error', message, span: s, ...extra });
  }

  /** Shorthand for a warning. */
  warning(code: string, message: string, s: Span, extra: Partial<DiagnosticInput> = {}): Diagnostic {
    return this.add({ code, severity: 'warning', message, span: s, ...extra });
  }

  /** Shorthand for an info message. */
  info(code: string, message: string, s: Span, extra: Partial<DiagnosticInput> = {}): Diagnostic {
    return this.add({ code, severity: 'info', message, span: s, ...extra });
  }
}

/**
 * The first `limit` diagnostics of `list` per file (in {@link sortDiagnostics} order) plus, for
 * each file with more, one summary diagnostic (code `overflowCode`, the worst severity dropped,
 * placed at the first one dropped) that counts the rest. Summaries already in `list` (from a
 * {@link DiagnosticCollector}) are kept and their counts added. A new array; the same items in
 * the same order when no file has more than `limit`.
 */
export function capDiagnostics(
  list: readonly Diagnostic[],
  options: DiagnosticLimitOptions = {},
): Diagnostic[] {
  const limit = options.limit ?? MAX_DIAGNOSTICS;
  const code = options.overflowCode ?? 'TOO_MANY_PROBLEMS';
  if (list.length <= limit) return [...list];
  const perFile = new Map<string, number>();
  for (const d of list) perFile.set(d.file ?? '', (perFile.get(d.file ?? '') ?? 0) + 1);
  if ([...perFile.values()].every((n) => n <= limit)) return [...list];
  const out: Diagnostic[] = [];
  const kept = new Map<string, number>();
  const summaries = new Map<string, { first: Diagnostic; dropped: number; severity: Severity }>();
  const countOf = (d: Diagnostic) => {
    const m = d.code === code ? /: (\d+) more after/.exec(d.message) : null;
    return m ? Number(m[1]) : 1;
  };
  for (const d of sortDiagnostics(list)) {
    const f = d.file ?? '';
    const isSummary = d.code === code && countOf(d) > 1;
    const k = kept.get(f) ?? 0;
    if (k < limit && !isSummary) {
      kept.set(f, k + 1);
      out.push(d);
      continue;
    }
    const s = summaries.get(f);
    if (!s) summaries.set(f, { first: d, dropped: countOf(d), severity: d.severity });
    else {
      s.dropped += countOf(d);
      if (severityRank[d.severity] < severityRank[s.severity]) s.severity = d.severity;
    }
  }
  for (const s of summaries.values()) {
    out.push({
      code,
      severity: s.severity,
      message: overflowMessage(s.dropped, limit),
      span: s.first.span,
      position: s.first.position,
      source: s.first.source,
      ...(s.first.file !== undefined ? { file: s.first.file } : {}),
    });
  }
  return out;
}

/** Builds a full {@link Diagnostic} from offsets, deriving positions with `lineIndex`. */
export function makeDiagnostic(lineIndex: LineIndex, input: DiagnosticInput): Diagnostic {
  const { related, file, source, ...rest } = input;
  const d: Diagnostic = {
    ...rest,
    source: source ?? 'ftkit',
    ...(file !== undefined ? { file } : {}),
    position: lineIndex.positionOf(input.span),
    ...(related && related.length > 0
      ? {
          related: related.map((r) => ({
            message: r.message,
            span: r.span,
            position: (r.lineIndex ?? lineIndex).positionOf(r.span),
            ...((r.file ?? file) !== undefined ? { file: r.file ?? file } : {}),
          })),
        }
      : {}),
  };
  return d;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by file, then offset, then severity (errors first), then code; stable for equal keys. */
export function sortDiagnostics<T extends Diagnostic>(list: readonly T[]): T[] {
  return [...list].sort(
    (a, b) =>
      // Plain code-unit comparison: localeCompare is slow with tens of thousands of findings.
      compareStrings(a.file ?? '', b.file ?? '') ||
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      severityRank[a.severity] - severityRank[b.severity] ||
      compareStrings(a.code, b.code),
  );
}

/** True when any diagnostic has severity `error`. */
export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** Counts diagnostics by severity. */
export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) out[d.severity]++;
  return out;
}

/**
 * Formats a diagnostic for snapshots: `line:col-line:col severity code message`.
 * Reviews far better than JSON.
 */
export function formatDiagnosticLine(d: Diagnostic): string {
  const p = d.position;
  return `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column} ${d.severity} ${d.code} ${d.message}`;
}

/** Error thrown by `parseOrThrow`-style conveniences; carries every diagnostic. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0];
    super(
      first
        ? `${first.file ?? '<input>'}:${first.position.start.line}:${first.position.start.column}: ${first.message}${
            diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : ''
          }`
        : 'Parse failed',
    );
    this.diagnostics = diagnostics;
  }
}
