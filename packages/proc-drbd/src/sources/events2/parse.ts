import { type Diagnostic, type DiagnosticCollector, FtkitError } from '@ftkit/core';
import { checkText, collectorFor, SOURCE, type SourceParseOptions, shown } from '../../diagnostics.js';

/** One parsed `drbdsetup events2` line. */
export interface Events2Event {
  /** `2024-06-20T10:15:42.118351+02:00`, or `null` without `--timestamps`. */
  readonly timestamp: string | null;
  /** `exists`, `create`, `change`, `destroy`, `call`, `response`, `rename`, or `skipped` (old `- skipped N`). */
  readonly action: string;
  /** `resource`, `device`, `connection`, `peer-device`, `path`, `helper`; `-` for the `exists -` end-of-dump marker. */
  readonly object: string;
  /**
   * `key:value` pairs split at the first colon, in a prototype-free record. In `--diff` mode the
   * value is the new one (after `->`); `UNKNOWN` placeholders are dropped.
   */
  readonly fields: Readonly<Record<string, string>>;
  /** 1-based line number within the stream. */
  readonly line: number;
}

const actions = new Set(['exists', 'create', 'change', 'destroy', 'call', 'response', 'rename']);
/** The object types drbdsetup prints (`-` is the end of the initial dump). */
const objects = new Set(['resource', 'device', 'connection', 'peer-device', 'path', 'helper', '-']);

/**
 * Field records: their prototype is an empty object without a prototype, so user-chosen keys
 * (`__proto__`, `constructor`) are plain own keys and absent keys read as `undefined` — and,
 * unlike `Object.create(null)`, V8 keeps these objects in fast mode.
 */
const FieldBag = function FieldBag() {} as unknown as { new (): Record<string, string> };
FieldBag.prototype = Object.create(null);

const reTimestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+[+-]\d\d:\d\d$/;
const reAnsi = /\x1b\[[0-9;]*m/g;

/**
 * Incremental events2 parser: feed chunks as they arrive (`push`), get complete events back;
 * a partial last line is kept until the next chunk or `end()`. Never throws on input.
 */
export class Events2Parser {
  private rest = '';
  private lineNo = 0;
  /** The event of the last line read: an indented `key:value` line continues it. */
  private last: Events2Event | undefined;
  /** Inside an over-long line: its bytes are dropped up to the next line break. */
  private skipping = false;
  private readonly maxLineLength: number;
  /** Stream offset (UTF-16 units) of the first character of `rest`. */
  private base = 0;
  private readonly collector: DiagnosticCollector | undefined;
  private readonly fileName: string | undefined;
  /**
   * Lines that could not be read (code `drbd-status/invalid-event-line`, warnings), each spanning the line
   * from its start (stream offsets). With `options.diagnostics` this is that collector's list;
   * without it the parser works positions out from its own line count, as a stream has no whole
   * text to index, and a caller may empty the array as it reports them. The two agree except on
   * a line holding a lone carriage return, which a collector's `LineIndex` counts as a line
   * break and events2 (split at `\n` only, like {@link Events2Event.line}) does not.
   */
  readonly diagnostics: Diagnostic[];

  /**
   * @param options.maxLineLength - Longest line kept, in UTF-16 units (default 1 MiB; real
   *   events2 lines are well under 1 KiB). A longer line is reported once in `diagnostics` and
   *   skipped, so memory stays bounded by this length whatever the stream holds.
   * @param options.diagnostics - Collector for the whole text being parsed (what
   *   {@link parseEvents2} passes); it caps what it keeps at `MAX_DIAGNOSTICS`.
   * @param options.fileName - The file name recorded on diagnostics made without a collector.
   */
  constructor(options: Events2ParserOptions = {}) {
    this.maxLineLength = options.maxLineLength ?? 1024 * 1024;
    if (!Number.isSafeInteger(this.maxLineLength) || this.maxLineLength < 1)
      throw new FtkitError(
        'drbd-status/invalid-argument',
        `Expected \`maxLineLength\` to be a whole number of at least 1, found ${String(options.maxLineLength)}`,
        { path: ['maxLineLength'] },
      );
    this.collector = options.diagnostics;
    this.fileName = options.fileName;
    this.diagnostics = this.collector?.items ?? [];
  }

  /** Reports a problem on the line that starts at stream offset `start`, `length` units long. */
  private report(message: string, start: number, length: number): void {
    const span = { start, end: start + length };
    if (this.collector) {
      this.collector.warning('drbd-status/invalid-event-line', message, span);
      return;
    }
    this.diagnostics.push({
      code: 'drbd-status/invalid-event-line',
      severity: 'warning',
      message,
      span,
      // Every span starts a line and stays on it, so the line count is the whole position.
      position: {
        start: { line: this.lineNo, column: 1, offset: start },
        end: { line: this.lineNo, column: 1 + length, offset: start + length },
      },
      source: SOURCE,
      ...(this.fileName !== undefined ? { file: this.fileName } : {}),
    });
  }

  /** Parses every complete line in `chunk` (plus what was left over from earlier chunks). */
  push(chunk: string): Events2Event[] {
    checkText(chunk, 'chunk');
    const out: Events2Event[] = [];
    let text = this.rest + chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      if (this.skipping) this.skipping = false;
      else if (nl - start > this.maxLineLength)
        this.tooLong(text.slice(start, start + this.headLength), this.base + start);
      else this.handle(text.slice(start, nl), out, this.base + start);
      start = nl + 1;
    }
    this.rest = this.skipping ? '' : text.slice(start);
    // What is not kept in `rest` has been read (or skipped, the tail of an over-long line).
    this.base += text.length - this.rest.length;
    if (this.rest.length > this.maxLineLength) {
      this.tooLong(this.rest.slice(0, this.headLength), this.base);
      this.base += this.rest.length;
      this.rest = '';
      this.skipping = true;
    }
    text = '';
    return out;
  }

  /** Parses the last line if the stream did not end with a line break. */
  end(): Events2Event[] {
    const out: Events2Event[] = [];
    if (this.rest.length > 0 && !this.skipping) this.handle(this.rest, out, this.base);
    this.base += this.rest.length;
    this.rest = '';
    this.skipping = false;
    return out;
  }

  /** How much of an over-long line a diagnostic spans: the same however the stream was split. */
  private get headLength(): number {
    return Math.min(40, this.maxLineLength + 1);
  }

  /** Records an over-long line (it counts as one line, and is not parsed). */
  private tooLong(head: string, start: number): void {
    this.lineNo++;
    this.last = undefined;
    this.report(`Unexpected line longer than ${this.maxLineLength} characters (skipped)`, start, head.length);
  }

  private handle(raw: string, out: Events2Event[], start: number): void {
    this.lineNo++;
    let line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (line.includes('\x1b')) line = line.replace(reAnsi, '');
    const n = line.length;
    let p = 0;
    while (p < n && line.charCodeAt(p) === 32) p++;
    if (p === n) return;
    if (p > 0 && this.last !== undefined) {
      // drbdsetup never breaks a line, but documentation does ("lines broken for readability"
      // in LINBIT's guide): an indented line of `key:value` items continues the event above.
      // Its fields join that event (in a stream they come after it was handed out).
      const sp = line.indexOf(' ', p);
      const first = line.slice(p, sp === -1 ? n : sp);
      const colon = first.indexOf(':');
      if (colon > 0 && !actions.has(first) && !reTimestamp.test(first)) {
        this.report(
          `Unexpected line break before \`${shown(first, 30)}\`: read as the rest of line ${this.last.line}`,
          start,
          raw.length,
        );
        this.readFields(line, p, this.last.fields as Record<string, string>, raw, start);
        return;
      }
    }
    let timestamp: string | null = null;
    // A timestamp is 32 characters with `T` at 10: checked cheaply, then by pattern.
    if (line.charCodeAt(p + 10) === 84 && line.charCodeAt(p + 4) === 45) {
      const sp = line.indexOf(' ', p);
      const ts = line.slice(p, sp === -1 ? n : sp);
      if (reTimestamp.test(ts)) {
        timestamp = ts;
        p = sp === -1 ? n : sp + 1;
      }
    }
    const s1 = line.indexOf(' ', p);
    const action = line.slice(p, s1 === -1 ? n : s1);
    const s2 = s1 === -1 ? -1 : line.indexOf(' ', s1 + 1);
    const object = s1 === -1 ? '' : line.slice(s1 + 1, s2 === -1 ? n : s2);
    if (action === '-' && object === 'skipped') {
      const fields = new FieldBag();
      fields.count = s2 === -1 ? '' : line.slice(s2 + 1).trim();
      out.push({ timestamp, action: 'skipped', object: '-', fields, line: this.lineNo });
      return;
    }
    if (object === '' || !actions.has(action)) {
      this.last = undefined;
      this.report(`Expected \`ACTION OBJECT key:value …\`, found \`${shown(raw)}\``, start, raw.length);
      return;
    }
    if (!objects.has(object)) {
      this.last = undefined;
      // A newer drbdsetup (or a test) may add object types: skipped, never taken for one we know
      // (it used to become a phantom connection of the resource it names).
      this.report(`Unknown events2 object \`${shown(object, 30)}\` (line skipped)`, start, raw.length);
      return;
    }
    const fields = new FieldBag();
    this.readFields(line, s2 === -1 ? n : s2 + 1, fields, raw, start);
    const event: Events2Event = { timestamp, action, object, fields, line: this.lineNo };
    this.last = event;
    out.push(event);
  }

  /** Reads the `key:value` items of `line` from offset `p` into `fields`. */
  private readFields(
    line: string,
    from: number,
    fields: Record<string, string>,
    raw: string,
    start: number,
  ): void {
    const n = line.length;
    const diff = line.includes('->');
    let p = from;
    while (p < n) {
      let end = line.indexOf(' ', p);
      if (end === -1) end = n;
      if (end === p) {
        p++;
        continue;
      }
      const colon = line.indexOf(':', p);
      if (colon <= p || colon >= end) {
        this.report(`Expected \`key:value\`, found \`${line.slice(p, end)}\``, start, raw.length);
        p = end + 1;
        continue;
      }
      // --diff prints `old->new`: keep the new value.
      const arrow = diff ? line.indexOf('->', colon) : -1;
      fields[line.slice(p, colon)] =
        arrow !== -1 && arrow < end ? line.slice(arrow + 2, end) : line.slice(colon + 1, end);
      p = end + 1;
    }
  }
}

/** Options of {@link Events2Parser}. */
export interface Events2ParserOptions extends SourceParseOptions {
  /** Longest line kept, in UTF-16 units (default 1 MiB). */
  readonly maxLineLength?: number;
}

/** The result of {@link parseEvents2}. */
export interface Events2ParseResult {
  /** The events in stream order. */
  readonly model: Events2Event[];
  /** Lines that could not be read (code `drbd-status/invalid-event-line`, warnings). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses a whole events2 capture at once. Never throws. */
export function parseEvents2(text: string, options: SourceParseOptions = {}): Events2ParseResult {
  checkText(text);
  const diagnostics = collectorFor(text, options);
  const p = new Events2Parser({ diagnostics });
  const model = [...p.push(text), ...p.end()];
  return { model, diagnostics: diagnostics.items };
}
