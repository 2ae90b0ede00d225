import { closeSync, createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import {
  archiveGlob,
  formatPruneLines,
  type PrunePolicy,
  planPrune,
  pruneArchivesFrom,
  renderPruneSvg,
} from '@ftkit/borg';
import {
  type BorgItem,
  borgErrorInfo,
  borgSecretsInText,
  emit as emitBorgDocument,
  type LogRecord,
  logEventObject,
  parse as parseBorgDocument,
  parseItems,
  parseLog,
  readItems,
  readLog,
  sniffBorgText,
  type TextSource,
} from '@ftkit/borg-json';
import { type Diagnostic, FtkitError, hasErrors, redactText, reporters } from '@ftkit/core';
import writeFileAtomic from 'write-file-atomic';
import type { CommandContext } from '../commands/types.js';
import { openInputFile, readInputFile } from '../input-file.js';
import { type CliIo, colors, ExitCode, readStdinDocument, UsageError } from '../io.js';

interface Input {
  readonly display: string;
  /** The input as a stream (files and standard input alike: bounded memory). */
  readonly stream: () => TextSource;
  /** Reads everything, up to `MAX_INPUT_BYTES` (documents need the whole text). */
  readonly text: () => Promise<string>;
}

/**
 * A file or standard input for the borg commands. A named file must be a regular file (a FIFO
 * would block forever, a device never end): it is opened here, so errors come before any output.
 */
function openInput(file: string | undefined, io: CliIo): Input {
  if (file === undefined || file === '-') {
    return {
      display: '<stdin>',
      stream: () => io.stdinStream?.() ?? once(io.readStdin()),
      text: () => readStdinDocument(io),
    };
  }
  const abs = resolve(io.cwd, file);
  const fd = openInputFile(abs, file);
  return {
    display: file,
    stream: () => createReadStream(abs, { fd, highWaterMark: 1 << 20 }),
    text: async () => {
      closeSync(fd);
      return readInputFile(abs, file).toString('utf8');
    },
  };
}

async function* once(text: Promise<string>): AsyncGenerator<string> {
  yield await text;
}

/**
 * Redacts borg secrets (`BORG_PASSPHRASE=…`, key blobs, passphrase values) from printed text.
 * Secrets found in one line stay known for the rest of the run, so a value seen once with its
 * `BORG_PASSPHRASE=` is also hidden where a later line quotes it alone.
 */
class Redactor {
  readonly known = new Set<string>();
  /** Adds the secrets written in `text`. */
  learn(text: string): void {
    // A bound on what one run remembers; real logs hold one or two passphrases.
    for (const s of borgSecretsInText(text)) if (this.known.size < 10_000) this.known.add(s);
  }
  /** `text` with every known secret (and any written in it) as «redacted». */
  clean(text: string): string {
    this.learn(text);
    return this.known.size === 0 ? text : redactText(text, [...this.known]);
  }
}

function report(
  io: CliIo,
  color: boolean,
  file: string,
  diagnostics: readonly Diagnostic[],
  text?: string,
  redactor?: Redactor,
): void {
  if (diagnostics.length === 0) return;
  if (text !== undefined) redactor?.learn(text);
  for (const d of diagnostics) redactor?.learn(`${d.message}\n${d.note ?? ''}\n${d.actual ?? ''}`);
  io.stderr(
    reporters.stylish([{ file, diagnostics: [...diagnostics], ...(text !== undefined ? { text } : {}) }], {
      color,
      secrets: [...(redactor?.known ?? [])],
    }),
  );
}

const fmtSize = (n: number) => {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? `${n} B` : `${v.toFixed(2)} ${units[i]}`;
};

const TYPE_NAMES: Record<string, string> = {
  '-': 'file',
  d: 'directory',
  l: 'symlink',
  h: 'hard link',
  p: 'fifo',
  b: 'block device',
  c: 'char device',
  s: 'socket',
};

/** Options of `ftkit borg validate`. */
export interface BorgValidateOptions {
  readonly quiet?: boolean;
  readonly emit?: boolean;
}

/** `ftkit borg validate`: checks a borg --json document, --json-lines items or --log-json stream. */
export async function borgValidate(
  { io, state }: CommandContext,
  file: string | undefined,
  opts: BorgValidateOptions,
): Promise<void> {
  const input = openInput(file, io);
  const text = await input.text();
  const kind = sniffBorgText(text, input.display);
  let diagnostics: Diagnostic[];
  let summary: string;
  if (kind === 'items') {
    const r = parseItems(text, { fileName: input.display, onBadLine: 'continue' });
    diagnostics = r.diagnostics;
    summary = `--json-lines items, ${r.items.length} item${r.items.length === 1 ? '' : 's'}`;
  } else if (kind === 'log') {
    const r = parseLog(text, { fileName: input.display });
    diagnostics = r.diagnostics;
    summary = `--log-json stream, ${r.records.length} event${r.records.length === 1 ? '' : 's'}`;
  } else {
    const r = parseBorgDocument(text, { fileName: input.display });
    diagnostics = [...r.diagnostics];
    const m = r.model;
    summary = m
      ? `${m.kind} document, borg ${m.major === 1 ? '1.x' : '2.0'}${'archives' in m.data ? `, ${(m.data.archives as unknown[]).length} archive(s)` : ''}`
      : 'not a borg document';
    if (opts.emit && m) io.stdout(emitBorgDocument(m));
  }
  const shown = opts.quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
  report(io, state.color, input.display, shown, text, new Redactor());
  const failed = hasErrors(diagnostics);
  if (!opts.emit) io.stdout(`${input.display}: ${summary}${failed ? '' : ', valid'}\n`);
  state.exitCode = failed ? ExitCode.findings : ExitCode.ok;
}

/** Options of `ftkit borg items`. */
export interface BorgItemsOptions {
  readonly summary?: boolean;
  readonly top: number;
  readonly depth: number;
  readonly onBadLine: 'stop' | 'continue';
}

/** `ftkit borg items`: reads `borg list --json-lines ARCHIVE` output as a stream (bounded memory). */
export async function borgItems(
  { io, state }: CommandContext,
  file: string | undefined,
  opts: BorgItemsOptions,
): Promise<void> {
  const input = openInput(file, io);
  const reader = readItems(input.stream(), { fileName: input.display, onBadLine: opts.onBadLine });
  const c = colors(state.color);
  const byType = new Map<string, { count: number; size: number }>();
  const byDir = new Map<string, number>();
  let total = 0;
  let count = 0;
  const progress = opts.summary && io.isTTY;
  let lastDraw = 0;
  const add = (item: BorgItem) => {
    count++;
    const size = typeof item.size === 'number' ? item.size : 0;
    total += size;
    const t = item.mode.startsWith('h') ? 'h' : item.type;
    const e = byType.get(t) ?? { count: 0, size: 0 };
    e.count++;
    e.size += size;
    byType.set(t, e);
    const parts = item.path.split('/');
    const dir =
      parts.length > opts.depth
        ? parts.slice(0, opts.depth).join('/')
        : parts.length > 1
          ? parts.slice(0, -1).join('/')
          : '.';
    byDir.set(dir, (byDir.get(dir) ?? 0) + size);
  };
  for await (const batch of reader.batches()) {
    if (!opts.summary) {
      let out = '';
      for (const item of batch) {
        out += `${item.mode} ${String(item.user ?? '').padEnd(6)} ${String(item.group ?? '').padEnd(6)} ${String(item.size ?? '').padStart(8)} ${item.mtime ?? item.isomtime ?? ''} ${item.path}${item.source || item.target ? ` -> ${item.source || item.target}` : ''}\n`;
      }
      io.stdout(out);
      count += batch.length;
      continue;
    }
    for (const item of batch) add(item);
    if (progress && count - lastDraw >= 50_000) {
      lastDraw = count;
      io.stderr(`\r${c.dim(`reading items… ${count.toLocaleString('en-US')} (${fmtSize(total)})`)}`);
    }
  }
  if (progress && lastDraw > 0) io.stderr('\r\x1b[K');
  if (opts.summary) {
    const lines = [`${c.bold(`${count}`)} items, ${fmtSize(total)} (${total} bytes)`, '', 'by type:'];
    for (const [t, e] of [...byType.entries()].sort((a, b) => b[1].count - a[1].count)) {
      // `t` comes from the file: `constructor` must not find Object.prototype's.
      const name = Object.hasOwn(TYPE_NAMES, t) ? TYPE_NAMES[t]! : t;
      lines.push(`  ${name.padEnd(14)} ${String(e.count).padStart(9)}  ${fmtSize(e.size)}`);
    }
    lines.push('', `largest directories (depth ${opts.depth}):`);
    for (const [d, s] of [...byDir.entries()].sort((a, b) => b[1] - a[1]).slice(0, opts.top)) {
      lines.push(`  ${fmtSize(s).padStart(10)}  ${d}`);
    }
    io.stdout(`${lines.join('\n')}\n`);
  }
  report(io, state.color, input.display, reader.diagnostics, undefined, new Redactor());
  state.exitCode = hasErrors(reader.diagnostics) ? ExitCode.findings : ExitCode.ok;
}

/** Options of `ftkit borg log`. */
export interface BorgLogOptions {
  readonly debug?: boolean;
}

/** `ftkit borg log`: renders a `--log-json` stderr stream readably. */
export async function borgLog(
  { io, state }: CommandContext,
  file: string | undefined,
  opts: BorgLogOptions,
): Promise<void> {
  const input = openInput(file, io);
  const reader = readLog(input.stream(), { fileName: input.display });
  const c = colors(state.color);
  const redactor = new Redactor();
  const out: string[] = [];
  const clock = (t: unknown) =>
    typeof t === 'number' ? new Date(t * 1000).toISOString().slice(11, 23) : '            ';
  for await (const r of reader as AsyncIterable<LogRecord>) {
    // Unknown object types print as borg wrote them (their own `type`, not the wrapper's).
    const e = (logEventObject(r.event) ?? r.event) as Record<string, unknown> & { type: string };
    switch (e.type) {
      case 'log_message': {
        if (e.levelname === 'DEBUG' && !opts.debug) break;
        const lvl = String(e.levelname);
        const paint =
          lvl === 'ERROR' || lvl === 'CRITICAL' ? c.red : lvl === 'WARNING' ? c.yellow : (s: string) => s;
        const info = typeof e.msgid === 'string' ? borgErrorInfo(e.msgid) : undefined;
        const tag =
          typeof e.msgid === 'string'
            ? c.dim(` [${e.msgid}${info ? `, exit ${info.legacy} legacy / ${info.modern} modern` : ''}]`)
            : '';
        const msg = String(e.message);
        // Learnt before the lines are indented, so a key blob's base64 lines are recognised.
        redactor.learn(msg);
        const [first, ...more] = msg.split('\n');
        out.push(`${c.dim(clock(e.time))} ${paint(lvl.padEnd(7))} ${first}${tag}`);
        for (const m of more) out.push(`${' '.repeat(21)}${m}`);
        break;
      }
      case 'file_status':
        out.push(`${' '.repeat(12)} ${String(e.status)} ${String(e.path)}`);
        break;
      case 'progress_percent':
      case 'progress_message':
        if (e.finished && !opts.debug) break;
        if (
          !opts.debug &&
          e.type === 'progress_percent' &&
          typeof e.current === 'number' &&
          typeof e.total === 'number' &&
          e.current !== e.total &&
          e.current !== 1
        )
          break;
        out.push(
          `${c.dim(clock(e.time))} ${c.cyan('PROGRESS')} ${String(e.message ?? '')}${e.msgid ? c.dim(` (${String(e.msgid)})`) : ''}`,
        );
        break;
      case 'archive_progress':
        if (e.finished) out.push(`${c.dim(clock(e.time))} ${c.cyan('PROGRESS')} archive done`);
        else if (opts.debug)
          out.push(
            `${c.dim(clock(e.time))} ${c.cyan('PROGRESS')} ${String(e.nfiles ?? 0)} files, ${fmtSize(Number(e.original_size ?? 0))} ${String(e.path ?? '')}`,
          );
        break;
      case 'text':
        out.push(`${c.dim('text ')}        ${String(e.text)}`);
        break;
      default:
        if (e.type.startsWith('question_')) {
          const label = e.type === 'question_prompt' ? '?' : '>';
          const lines = String(e.message ?? '')
            .trimEnd()
            .split('\n');
          out.push(
            `${' '.repeat(12)} ${c.magenta(label)} ${lines[0]}${e.env_var ? c.dim(` (${String(e.env_var)})`) : ''}`,
          );
          for (const m of lines.slice(1)) out.push(`${' '.repeat(14)} ${m}`);
        } else out.push(`${' '.repeat(12)} ${c.dim(`${e.type}:`)} ${JSON.stringify(e)}`);
    }
    // Log messages quote shell lines with `BORG_PASSPHRASE=…`; nothing is printed unredacted.
    if (out.length >= 1000) io.stdout(redactor.clean(`${out.splice(0).join('\n')}\n`));
  }
  if (out.length) io.stdout(redactor.clean(`${out.join('\n')}\n`));
  report(
    io,
    state.color,
    input.display,
    reader.diagnostics.filter((d) => d.severity !== 'info'),
    undefined,
    redactor,
  );
  state.exitCode = hasErrors(reader.diagnostics) ? ExitCode.findings : ExitCode.ok;
}

/**
 * Options of `ftkit borg prune-plan`: the `--keep-*` values (numbers, intervals or `all`) under
 * their camel-case names, plus the rest.
 */
export interface BorgPrunePlanOptions {
  readonly [keep: string]: unknown;
  readonly borgVersion: string;
  readonly tz?: string;
  readonly now?: string;
  readonly glob?: string;
  readonly json?: boolean;
  readonly svg?: string;
}

/** `ftkit borg prune-plan`: what `borg prune --dry-run --list` would print for `borg list --json` output. */
export async function borgPrunePlan(
  { io, state }: CommandContext,
  file: string | undefined,
  opts: BorgPrunePlanOptions,
): Promise<void> {
  const input = openInput(file, io);
  const text = await input.text();
  const parsed = parseBorgDocument(text, { fileName: input.display });
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  const model = parsed.model;
  if (errors.length > 0 || !model || !('archives' in model.data)) {
    report(io, state.color, input.display, errors.length ? errors : parsed.diagnostics, text, new Redactor());
    if (errors.length === 0) io.stderr(`ftkit: \`${input.display}\` is not \`borg list --json\` output\n`);
    state.exitCode = ExitCode.findings;
    return;
  }
  const policy: Record<string, unknown> = {};
  const names: [string, string][] = [
    ['keepWithin', 'keepWithin'],
    ['keepLast', 'keepLast'],
    ['keepSecondly', 'keepSecondly'],
    ['keepMinutely', 'keepMinutely'],
    ['keepHourly', 'keepHourly'],
    ['keepDaily', 'keepDaily'],
    ['keepWeekly', 'keepWeekly'],
    ['keepMonthly', 'keepMonthly'],
    ['keep13weekly', 'keep13weekly'],
    ['keep3monthly', 'keep3monthly'],
    ['keepYearly', 'keepYearly'],
    ['keep', 'keep'],
  ];
  for (const [opt, key] of names)
    if (opts[opt] !== undefined)
      policy[key] = /^\d+$/.test(String(opts[opt])) ? Number(opts[opt]) : opts[opt];
  let now: number | undefined;
  if (opts.now !== undefined) {
    now = Date.parse(opts.now);
    if (Number.isNaN(now))
      throw new UsageError(
        `Invalid --now \`${opts.now}\`: expected an ISO 8601 time like 2026-11-24T15:30:00Z`,
      );
  }
  const timeZone = opts.tz ?? io.env.TZ ?? 'UTC';
  let archives = pruneArchivesFrom(model.data as { archives: Record<string, unknown>[] });
  if (opts.glob !== undefined) {
    const re = archiveGlob(String(opts.glob).replace(/^sh:/, ''));
    archives = archives.filter((a) => re.test(a.name));
  }
  let plan: ReturnType<typeof planPrune>;
  try {
    plan = planPrune(archives, policy as PrunePolicy, {
      borgVersion: opts.borgVersion,
      timeZone,
      ...(now !== undefined ? { now } : {}),
    });
  } catch (error) {
    if (error instanceof FtkitError) throw new UsageError(error.message);
    throw error;
  }
  if (opts.json) {
    io.stdout(`${JSON.stringify({ ...plan, now: new Date(plan.now).toISOString() }, null, 2)}\n`);
  } else {
    const lines = formatPruneLines(plan);
    io.stdout(lines.length ? `${lines.join('\n')}\n` : '');
  }
  if (opts.svg) {
    try {
      await writeFileAtomic(resolve(io.cwd, opts.svg), renderPruneSvg(plan));
    } catch {
      throw new UsageError(`Cannot write \`${opts.svg}\``);
    }
  }
  state.exitCode = ExitCode.ok;
}
