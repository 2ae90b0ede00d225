import type { Diagnostic } from '@ftkit/core';
import { shortenText } from '@ftkit/core';
import { z } from 'zod';
import { jsonTypeOf } from '../diagnostics.js';
import { findTooDeep } from '../json/nesting.js';
import {
  type LineOptions,
  lineBatches,
  lineDiagnostic,
  loneCrCount,
  pushCapped,
  type SourceLine,
  type TextSource,
} from './lines.js';

const msgid = z.string().nullable();

/** `log_message`: one logging record. `msgid` names the error class on fatal errors. */
export const LogMessageSchema = z.looseObject({
  type: z.literal('log_message'),
  time: z.number(),
  message: z.string(),
  levelname: z.enum(['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL']),
  name: z.string(),
  msgid: z.string().optional(),
});
/** `file_status`: one `--list` line of create/recreate (no `time`). */
export const FileStatusSchema = z.looseObject({
  type: z.literal('file_status'),
  status: z.string(),
  path: z.string(),
  path_b64: z.string().optional(),
});
/**
 * `archive_progress`: create `--progress`; the last one is `{time, type, finished: true}`.
 * borg 1.1.0–1.1.17 and 1.2.0 print no `finished` at all (it came with 1.1.18 and 1.2.1).
 */
export const ArchiveProgressSchema = z.looseObject({
  type: z.literal('archive_progress'),
  time: z.number(),
  finished: z.boolean().optional(),
  original_size: z.number().int().optional(),
  compressed_size: z.number().int().optional(),
  deduplicated_size: z.number().int().optional(),
  nfiles: z.number().int().optional(),
  path: z.string().optional(),
  path_b64: z.string().optional(),
  hashing_time: z.number().optional(),
  chunking_time: z.number().optional(),
  files_stats: z.record(z.string(), z.number().int()).optional(),
});
/**
 * `progress_message`: a step of a long operation. `time` is absent in borg 1.1 (and in the 1.2
 * documentation's own example, frontends.rst), so it is optional here and in `progress_percent`.
 */
export const ProgressMessageSchema = z.looseObject({
  type: z.literal('progress_message'),
  operation: z.number().int(),
  msgid,
  finished: z.boolean(),
  time: z.number().optional(),
  message: z.string().optional(),
});
/** `progress_percent`: `current` of `total` (absent on the finished object). */
export const ProgressPercentSchema = z.looseObject({
  type: z.literal('progress_percent'),
  operation: z.number().int(),
  msgid,
  finished: z.boolean(),
  time: z.number().optional(),
  message: z.string().optional(),
  current: z.number().int().optional(),
  total: z.number().int().optional(),
  info: z.array(z.string()).nullable().optional(),
});
const QUESTION_TYPES = [
  'question_prompt',
  'question_prompt_retry',
  'question_env_answer',
  'question_accepted_default',
  'question_accepted_true',
  'question_accepted_false',
  'question_invalid_answer',
] as const;
/** `question_*`: a prompt and what happened to it (`env_var` only for `question_env_answer`). */
export const QuestionSchema = z.looseObject({
  type: z.enum(QUESTION_TYPES),
  msgid,
  message: z.string(),
  env_var: z.string().optional(),
});
/** Any `--log-json` object. */
export const LogObjectSchema = z.discriminatedUnion('type', [
  LogMessageSchema,
  FileStatusSchema,
  ArchiveProgressSchema,
  ProgressMessageSchema,
  ProgressPercentSchema,
  QuestionSchema,
]);

/** A `log_message` line of `--log-json`: time, level, logger name, message and optional msgid. */
export type LogMessage = z.output<typeof LogMessageSchema>;
/** A `file_status` line of `--log-json --list`: the status letter and the path. */
export type FileStatus = z.output<typeof FileStatusSchema>;
/** An `archive_progress` line of `--log-json --progress` during `create`: sizes in bytes, file count, current path. */
export type ArchiveProgress = z.output<typeof ArchiveProgressSchema>;
/** A `progress_message` line of `--log-json --progress`: operation id, msgid, message, finished flag. */
export type ProgressMessage = z.output<typeof ProgressMessageSchema>;
/** A `progress_percent` line of `--log-json --progress`: current and total (counts or bytes, per operation), message, finished flag. */
export type ProgressPercent = z.output<typeof ProgressPercentSchema>;
/** A `question_prompt`, `question_prompt_retry`, `question_invalid_answer`, `question_accepted_*` or `question_env_answer` line. */
export type Question = z.output<typeof QuestionSchema>;
/** Any JSON line of a `--log-json` stream that borg documents (discriminated by `type`). */
export type LogObject = z.output<typeof LogObjectSchema>;

/** Plain text borg wrote between JSON lines (usage errors, a passphrase prompt, warnings). */
export interface PlainText {
  readonly type: 'text';
  readonly text: string;
  /** Whether the text ended without a newline (a prompt immediately followed by JSON). */
  readonly partial?: boolean;
}

/**
 * A JSON object with a `type` this package does not know, kept as it is in `object` (its own
 * `type` is `objectType`). Wrapped rather than passed through so that {@link LogEvent} narrows
 * on `type`: an unwrapped object typed `{ type: string }` would match every `type` test.
 */
export interface UnknownLogObject {
  readonly type: 'unknown';
  /** The object's own `type` (a newer borg's object type, say). */
  readonly objectType: string;
  /** The object as parsed, `type` included. */
  readonly object: Readonly<Record<string, unknown>>;
}

/**
 * One event of a `--log-json` stream, a union discriminated by `type`: after
 * `if (event.type === 'log_message')`, `event.message` is a `string`.
 */
export type LogEvent = LogObject | PlainText | UnknownLogObject;

/**
 * The JSON object of a log event as borg wrote it (the `object` of an {@link UnknownLogObject}),
 * or `undefined` for plain text. Pass it to `emitLine` to write the line back byte for byte.
 */
export function logEventObject(event: LogEvent): Readonly<Record<string, unknown>> | undefined {
  if (event.type === 'text') return undefined;
  if (event.type === 'unknown') return event.object;
  return event;
}

/** An event and where it was. */
export interface LogRecord {
  /** 1-based line number. */
  readonly line: number;
  readonly event: LogEvent;
}

/** Options for {@link readLog} / {@link parseLog}. */
export interface ReadLogOptions extends LineOptions {
  readonly onDiagnostic?: (d: Diagnostic) => void;
}

const KNOWN = new Set<string>([
  'log_message',
  'file_status',
  'archive_progress',
  'progress_message',
  'progress_percent',
  ...QUESTION_TYPES,
]);

function parseObject(text: string): unknown {
  // Deeper values are refused before JSON.parse: later steps (emit, previews) recurse per level.
  if (findTooDeep(text) >= 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The offset of the `{"` that opens the JSON object ending `t` (a `}` preceded by a balanced
 * run of brackets, strings skipped), or -1. Scans backwards once: outside strings, a `"` not
 * preceded by an odd run of backslashes toggles the string state.
 */
export function trailingObjectStart(t: string): number {
  let end = t.length - 1;
  while (end >= 0 && (t.charCodeAt(end) === 32 || t.charCodeAt(end) === 9)) end--;
  if (end < 0 || t.charCodeAt(end) !== 125) return -1;
  let depth = 0;
  let inString = false;
  for (let i = end; i >= 0; i--) {
    const c = t.charCodeAt(i);
    if (c === 34) {
      let k = i - 1;
      while (k >= 0 && t.charCodeAt(k) === 92) k--;
      if ((i - 1 - k) % 2 === 0) inString = !inString;
    } else if (inString) {
    } else if (c === 125 || c === 93) {
      depth++;
    } else if (c === 123 || c === 91) {
      if (--depth === 0) return c === 123 && t.charCodeAt(i + 1) === 34 ? i : -1;
      if (depth < 0) return -1;
    }
  }
  return -1;
}

/** Turns one line into records, reporting problems. Handles a text prefix before `{`. */
function lineRecords(l: SourceLine, options: ReadLogOptions, report: (d: Diagnostic) => void): LogRecord[] {
  const t = l.text;
  if (t.length === 0) return [];
  let start = 0;
  let v: unknown;
  if (t.charCodeAt(0) === 123) v = parseObject(t);
  if (v === undefined) {
    // borg can print a prompt without newline and the JSON error right after it. The object
    // then ends the line, so its `{` is the one matching the last `}`: found in one backward
    // pass and parsed once (trying every `{"` from the left was quadratic).
    start = trailingObjectStart(t);
    v = start > 0 ? parseObject(t.slice(start)) : undefined;
    if (v === undefined) start = -1;
  }
  const out: LogRecord[] = [];
  if (start !== 0) {
    const text = start > 0 ? t.slice(0, start) : t;
    out.push({
      line: l.line,
      event: start > 0 ? { type: 'text', text, partial: true } : { type: 'text', text },
    });
    report(
      lineDiagnostic(
        l,
        'borg/plain-text',
        'info',
        `Plain text in a \`--log-json\` stream: \`${shortenText(text, { keep: 37, ellipsis: '...' })}\``,
        {
          fileName: options.fileName,
          length: text.length,
          note: 'borg prints argument errors and prompts as text even with --log-json',
        },
      ),
    );
    if (start < 0) return out;
  }
  if (
    typeof v !== 'object' ||
    v === null ||
    Array.isArray(v) ||
    typeof (v as { type?: unknown }).type !== 'string'
  ) {
    report(
      lineDiagnostic(
        l,
        'borg/bad-line',
        'error',
        `Expected a log object with a \`type\`, found ${jsonTypeOf(v)}`,
        {
          fileName: options.fileName,
          column: start,
        },
      ),
    );
    return out;
  }
  const type = (v as { type: string }).type;
  if (!KNOWN.has(type)) {
    report(
      lineDiagnostic(l, 'borg/unknown-key', 'info', `Unknown log object type \`${type}\``, {
        fileName: options.fileName,
        column: start,
        note: 'The object is kept as it is',
      }),
    );
    out.push({
      line: l.line,
      event: { type: 'unknown', objectType: type, object: v as Record<string, unknown> },
    });
    return out;
  }
  const r = LogObjectSchema.safeParse(v);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const key = issue.path.join('.');
    const actual = (v as Record<string, unknown>)[String(issue.path[0])];
    // A missing key has the code documents use for one (`borg/missing-key`), not `invalid-value`.
    report(
      lineDiagnostic(
        l,
        actual === undefined ? 'borg/missing-key' : 'borg/invalid-value',
        'error',
        actual === undefined
          ? `Missing key \`${key}\` in \`${type}\``
          : `Expected ${issue.code === 'invalid_type' ? issue.expected : 'a valid value'} at \`${key}\` in \`${type}\`, found ${jsonTypeOf(actual)}`,
        { fileName: options.fileName, column: start },
      ),
    );
  }
  // The object is kept either way (as parsed), so emit stays byte-identical.
  out.push({ line: l.line, event: v as LogObject });
  return out;
}

/**
 * Events of a `--log-json` stderr stream, lazily: JSON objects typed by `type`, plain text
 * lines as `{type: 'text'}`. Never throws for bad input; problems are in `diagnostics`.
 */
export class LogReader implements AsyncIterable<LogRecord> {
  readonly diagnostics: Diagnostic[] = [];
  private readonly source: TextSource;
  private readonly options: ReadLogOptions;

  constructor(source: TextSource, options: ReadLogOptions = {}) {
    this.source = source;
    this.options = options;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<LogRecord> {
    let dropped = 0;
    const report = (d: Diagnostic) => {
      dropped = pushCapped(this.diagnostics, d, dropped);
      this.options.onDiagnostic?.(d);
    };
    for await (const lines of lineBatches(this.source, this.options, (line, offset) =>
      report(
        lineDiagnostic({ line, offset }, 'borg/line-too-long', 'error', 'Line is longer than the limit', {
          length: 0,
        }),
      ),
    )) {
      for (const l of lines) yield* lineRecords(l, this.options, report);
    }
  }
}

/** Reads a `--log-json` stream (see {@link LogReader}). */
export function readLog(source: TextSource, options: ReadLogOptions = {}): LogReader {
  return new LogReader(source, options);
}

/** Parses a whole `--log-json` text at once. */
export function parseLog(
  text: string,
  options: ReadLogOptions = {},
): { records: LogRecord[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let dropped = 0;
  const records: LogRecord[] = [];
  let offset = 0;
  const lines = text.split('\n');
  const cr = text.indexOf('\r') !== -1;
  let lineNo = 1;
  lines.forEach((raw) => {
    const t = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const line = lineNo;
    lineNo += cr ? 1 + loneCrCount(t) : 1;
    records.push(
      ...lineRecords({ line, offset, text: t }, options, (d) => {
        dropped = pushCapped(diagnostics, d, dropped);
        options.onDiagnostic?.(d);
      }),
    );
    offset += raw.length + 1;
  });
  return { records, diagnostics };
}
