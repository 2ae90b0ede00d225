import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { type BorgOutcome, borgOutcome, outcomeMetrics } from '@ftkit/borg';
import {
  type BorgDocument,
  borgSecretsInText,
  type LogEvent,
  type LogRecord,
  parse as parseBorgDocument,
  parseLog,
  readLog,
} from '@ftkit/borg-json';
import { redactText } from '@ftkit/core';
import writeFileAtomic from 'write-file-atomic';
import type { CommandContext } from '../commands/types.js';
import { readInputFile } from '../input-file.js';
import { type CliIo, colors, ExitCode, UsageError } from '../io.js';

/** Where `--textfile` writes, and the labels. */
export interface BorgTextfileOptions {
  /** node_exporter's textfile directory: `borg.prom` is written there atomically. */
  readonly textfile?: string;
  readonly repository?: string;
  readonly job?: string;
}

/** Options of `ftkit borg outcome`. */
export interface BorgOutcomeOptions extends BorgTextfileOptions {
  readonly rc: string;
  /** The `--json` document borg printed on stdout. */
  readonly json?: string;
  /** Print the verdict as JSON. */
  readonly format?: 'text' | 'json';
}

/** Options of `ftkit borg run`. */
export interface BorgRunOptions extends BorgTextfileOptions {}

/** Exit status of `ftkit borg outcome`: 0 when the archive was written (success or warning), 1 on error. */
const outcomeExit = (o: BorgOutcome) => (o.verdict === 'error' ? ExitCode.findings : ExitCode.ok);

/** The verdict, its reasons and what to do, readably (secrets redacted). */
function printOutcome(
  io: CliIo,
  color: boolean,
  o: BorgOutcome,
  secrets: readonly string[],
  to: 'stdout' | 'stderr',
) {
  const c = colors(color);
  const paint = o.verdict === 'success' ? c.green : o.verdict === 'warning' ? c.yellow : c.red;
  const lines = [
    `${paint(o.verdict)}${o.summary.slice(o.verdict.length)} ${c.dim(`(rc ${o.rc}: ${o.rcMeaning})`)}`,
  ];
  for (const r of o.reasons) {
    const where = r.line !== undefined ? c.dim(`line ${r.line} `) : '';
    lines.push(
      `  ${where}${r.severity === 'error' ? c.red(r.kind) : c.yellow(r.kind)}${r.msgid ? c.dim(` [${r.msgid}]`) : ''} ${r.message}`,
    );
    lines.push(`    ${c.dim('→')} ${r.advice}`);
  }
  if (o.archive) {
    const a = o.archive;
    lines.push(
      `  archive ${a.name}: ${a.files ?? '?'} files, ${a.originalSize ?? '?'} bytes read${a.deduplicatedSize !== undefined ? `, ${a.deduplicatedSize} bytes new` : ''}`,
    );
  }
  io[to](redactText(`${lines.join('\n')}\n`, secrets));
}

/** `BORG_REPO`, `-r REPO` / `--repo REPO` (2.0) or the `REPO::ARCHIVE` / `REPO` positional (1.x). */
function repositoryOf(argv: readonly string[], env: CliIo['env']): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if ((a === '-r' || a === '--repo') && argv[i + 1] !== undefined) return argv[i + 1];
    if (a.startsWith('--repo=')) return a.slice('--repo='.length);
  }
  const positional = argv.slice(1).find((a) => a.includes('::'));
  if (positional !== undefined) return positional.slice(0, positional.indexOf('::')) || env.BORG_REPO;
  return env.BORG_REPO;
}

/** Writes `DIR/borg.prom` atomically, merged with what it held (other jobs, the last success). */
async function writeTextfile(
  io: CliIo,
  o: BorgOutcome,
  opts: BorgTextfileOptions,
  repository: string | undefined,
  times: { startedAt: number; finishedAt: number },
): Promise<void> {
  if (opts.textfile === undefined) return;
  if (repository === undefined)
    throw new UsageError('Missing --repository: the textfile labels every sample with the repository');
  const file = join(resolve(io.cwd, opts.textfile), 'borg.prom');
  let previous = '';
  try {
    previous = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const text = await outcomeMetrics(o, { repository, job: opts.job ?? 'borg', ...times, previous });
  try {
    await writeFileAtomic(file, text, { mode: 0o644 });
  } catch (error) {
    throw new UsageError(`Cannot write \`${file}\`: ${(error as Error).message}`);
  }
}

function rcOf(text: string): number {
  if (!/^\d{1,3}$/.test(text) || Number(text) > 255)
    throw new UsageError(`Invalid --rc \`${text}\`: expected borg's exit code, 0 to 255`);
  return Number(text);
}

/** The first and last `time` of the log's events, Unix seconds. */
function logTimes(events: readonly LogRecord[]): { first?: number; last?: number } {
  let first: number | undefined;
  let last: number | undefined;
  for (const { event } of events) {
    const t = (event as { time?: unknown }).time;
    if (typeof t !== 'number') continue;
    first ??= t;
    last = t;
  }
  return { ...(first !== undefined ? { first } : {}), ...(last !== undefined ? { last } : {}) };
}

/** `ftkit borg outcome --rc N [LOG]`: the verdict on a finished borg run. */
export async function borgOutcomeCommand(
  { io, state }: CommandContext,
  file: string | undefined,
  opts: BorgOutcomeOptions,
): Promise<void> {
  const rc = rcOf(opts.rc);
  let logText = '';
  if (file === '-') logText = await io.readStdin();
  else if (file !== undefined) logText = readInputFile(resolve(io.cwd, file), file).toString('utf8');
  const log = parseLog(logText, { fileName: file ?? '<none>' });
  let document: BorgDocument | undefined;
  let docText = '';
  if (opts.json !== undefined) {
    docText = readInputFile(resolve(io.cwd, opts.json), opts.json).toString('utf8');
    const parsed = parseBorgDocument(docText, { fileName: opts.json });
    if (!parsed.model) throw new UsageError(`\`${opts.json}\` is not a borg --json document`);
    document = parsed.model;
  }
  const o = borgOutcome({ rc, events: log.records, ...(document ? { document } : {}) });
  const secrets = borgSecretsInText(`${logText}\n${docText}`);
  if (opts.format === 'json') io.stdout(redactText(`${JSON.stringify(o, null, 2)}\n`, secrets));
  else printOutcome(io, state.color, o, secrets, 'stdout');
  const times = logTimes(log.records);
  const finishedAt = times.last ?? Date.now() / 1000;
  await writeTextfile(io, o, opts, opts.repository, { startedAt: times.first ?? finishedAt, finishedAt });
  state.exitCode = outcomeExit(o);
}

/** Commands whose `--json` is a document on stdout that the outcome reads (create's stats). */
const JSON_COMMANDS = new Set(['create']);
/** Global options that take a value, so the command word is not mistaken for it. */
const VALUED = new Set(['-r', '--repo', '--lock-wait', '--remote-path', '--umask', '--rsh', '--debug-topic']);

/**
 * The borg argv with `--log-json` added after the program name and `--json` after `create`
 * (unless given): the log is what the verdict reads, the document what the metrics report.
 */
export function withMachineOutput(argv: readonly string[]): { argv: string[]; json: boolean } {
  const out = [argv[0]!];
  if (!argv.includes('--log-json')) out.push('--log-json');
  let json = argv.includes('--json');
  let seenCommand = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    out.push(a);
    if (a === '--') {
      out.push(...argv.slice(i + 1));
      break;
    }
    if (seenCommand || a.startsWith('-') || VALUED.has(argv[i - 1] ?? '')) continue;
    seenCommand = true;
    if (JSON_COMMANDS.has(a) && !json) {
      out.push('--json');
      json = true;
    }
  }
  return { argv: out, json };
}

/** One log event as a readable line for stderr (progress and DEBUG left out), or undefined. */
function logLine(event: LogEvent, c: ReturnType<typeof colors>): string | undefined {
  switch (event.type) {
    case 'log_message': {
      if (event.levelname === 'DEBUG') return undefined;
      const paint =
        event.levelname === 'ERROR' || event.levelname === 'CRITICAL'
          ? c.red
          : event.levelname === 'WARNING'
            ? c.yellow
            : (s: string) => s;
      return `${paint(event.levelname.padEnd(7))} ${event.message}${event.msgid ? c.dim(` [${event.msgid}]`) : ''}`;
    }
    case 'file_status':
      return `${event.status} ${event.path}`;
    case 'text':
      return event.text;
    case 'question_prompt':
    case 'question_prompt_retry':
      return event.message.trimEnd();
    default:
      return undefined;
  }
}

/**
 * `ftkit borg run -- borg …`: runs borg with `--log-json` (and `--json` for `create`), prints
 * its log readably on stderr and its stdout (the `create` document as a summary), gives the
 * verdict, writes `borg.prom` with `--textfile`, and exits with borg's exit code. SIGTERM and
 * SIGINT are passed on to borg, which then ends with 128 + N.
 */
export async function borgRun(
  { io, state }: CommandContext,
  command: readonly string[],
  opts: BorgRunOptions,
): Promise<void> {
  if (command.length === 0) throw new UsageError('Missing the borg command: ftkit borg run -- borg create …');
  const { argv, json } = withMachineOutput(command);
  const c = colors(state.color);
  const startedAt = Date.now() / 1000;
  const child = spawn(argv[0]!, argv.slice(1), {
    cwd: io.cwd,
    env: io.env as NodeJS.ProcessEnv,
    stdio: ['inherit', 'pipe', 'pipe'],
  });
  const spawned = new Promise<void>((ok, fail) => {
    child.once('spawn', ok);
    child.once('error', (error) => fail(new UsageError(`Cannot run \`${argv[0]}\`: ${error.message}`)));
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const onTerm = forward('SIGTERM');
  const onInt = forward('SIGINT');
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  try {
    await spawned;
    const secrets = new Set<string>();
    const clean = (text: string) => {
      for (const s of borgSecretsInText(text)) secrets.add(s);
      return redactText(text, [...secrets]);
    };
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      // The create document is read whole; any other command's output passes through as it comes.
      if (json) stdout += chunk;
      else io.stdout(clean(chunk));
    });
    const records: LogRecord[] = [];
    const reader = readLog(child.stderr, { fileName: '<borg stderr>' });
    for await (const record of reader) {
      records.push(record);
      const line = logLine(record.event, c);
      if (line !== undefined) io.stderr(clean(`${line}\n`));
    }
    const rc = await new Promise<number>((ok) => {
      if (child.exitCode !== null) ok(child.exitCode);
      else if (child.signalCode !== null) ok(128 + (constantsSignal(child.signalCode) ?? 0));
      else
        child.once('close', (code, signal) =>
          ok(code ?? 128 + (signal ? (constantsSignal(signal) ?? 0) : 0)),
        );
    });
    const finishedAt = Date.now() / 1000;
    let document: BorgDocument | undefined;
    if (json && stdout.trim() !== '') {
      const parsed = parseBorgDocument(stdout);
      if (parsed.model) document = parsed.model;
      else io.stdout(clean(stdout));
    }
    const o = borgOutcome({ rc, events: records, ...(document ? { document } : {}) });
    printOutcome(io, state.color, o, [...secrets], 'stderr');
    await writeTextfile(io, o, opts, opts.repository ?? repositoryOf(argv, io.env), {
      startedAt,
      finishedAt,
    });
    state.exitCode = rc;
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
  }
}

function constantsSignal(name: NodeJS.Signals): number | undefined {
  return constants.signals[name];
}
