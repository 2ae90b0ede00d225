import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Diagnostic, hasErrors } from '@ftkit/core';
import {
  type DrbdStatus,
  type Events2Event,
  Events2Parser,
  Events2Reducer,
  lint as lintStatus,
  parse as parseStatus,
  type StatusSource,
  statusMetrics,
} from '@ftkit/proc-drbd';
import type { CommandContext } from '../commands/types.js';
import { exposition } from '../exposition.js';
import { openInputFile, readInputFile } from '../input-file.js';
import { type CliIo, colors, ExitCode, readStdinDocument, UsageError } from '../io.js';
import { Events2Alerts, formatAlert } from './events2-alerts.js';

type Colors = ReturnType<typeof colors>;

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file === '-') return readStdinDocument(io);
  try {
    return readInputFile(resolve(io.cwd, file), file).toString('utf8');
  } catch (error) {
    if (error instanceof UsageError && file === '/proc/drbd' && !existsSync(file))
      throw new UsageError(`${error.message} (is the drbd kernel module loaded?)`);
    throw error;
  }
}

/** Human-readable byte amount (binary units). */
export function humanBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

/** `h:mm:ss`. */
function duration(s: number): string {
  const h = Math.floor(s / 3600);
  return `${h}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
}

/** A 20-cell progress bar for 0–100 %. */
export function bar(percent: number, c: Colors): string {
  const cells = 20;
  const full = Math.max(0, Math.min(cells, Math.round((percent / 100) * cells)));
  return `[${c.green('#'.repeat(full))}${c.dim('.'.repeat(cells - full))}]`;
}

const good = new Set(['UpToDate', 'Connected', 'Established', 'Primary', 'Secondary']);
const bad = new Set(['Diskless', 'Failed', 'Inconsistent', 'Outdated', 'StandAlone', 'DUnknown', 'Unknown']);

function paint(word: string, c: Colors): string {
  if (good.has(word)) return c.green(word);
  if (bad.has(word)) return c.red(word);
  return c.yellow(word);
}

/** Per-second rates from two readings, keyed by object and counter. */
export type Rates = Map<string, number>;

function counterReadings(s: DrbdStatus): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of s.resources) {
    for (const d of r.devices) {
      if (d.readBytes !== null) out.set(`${r.name}/${d.volume} read`, d.readBytes);
      if (d.writtenBytes !== null) out.set(`${r.name}/${d.volume} written`, d.writtenBytes);
    }
    for (const c of r.connections) {
      for (const p of c.peerDevices) {
        if (p.sentBytes !== null) out.set(`${r.name}/${c.name}/${p.volume} sent`, p.sentBytes);
        if (p.receivedBytes !== null) out.set(`${r.name}/${c.name}/${p.volume} received`, p.receivedBytes);
      }
    }
  }
  return out;
}

/**
 * Rates (bytes/s) between two readings `seconds` apart. A counter that went down was reset or
 * wrapped (8.x counters wrap at 2 TiB), so it gives no rate.
 */
export function counterRates(before: DrbdStatus, after: DrbdStatus, seconds: number): Rates {
  const a = counterReadings(before);
  const rates: Rates = new Map();
  if (seconds <= 0) return rates;
  for (const [k, v] of counterReadings(after)) {
    const old = a.get(k);
    if (old !== undefined && v >= old) rates.set(k, (v - old) / seconds);
  }
  return rates;
}

/** The readable summary `ftkit status` prints. */
export function renderSummary(s: DrbdStatus, c: Colors, rates?: Rates): string {
  const lines: string[] = [];
  const rate = (key: string, label: string) => {
    const v = rates?.get(key);
    return v === undefined ? '' : ` ${label} ${humanBytes(v)}/s`;
  };
  if (s.kernel?.version) {
    const tr = s.kernel.transports.length
      ? `, transports ${s.kernel.transports.map((t) => t.name).join(' ')}`
      : '';
    lines.push(c.dim(`DRBD ${s.kernel.version} (api ${s.kernel.api ?? '?'})${tr}`));
  }
  if (s.resources.length === 0) {
    lines.push(
      s.source === 'proc-drbd' && s.kernel?.version?.startsWith('9')
        ? 'DRBD 9 lists no devices in /proc/drbd: run `drbdsetup status --json | ftkit status -` instead'
        : 'No DRBD resources',
    );
  }
  for (const r of s.resources) {
    if (r.unconfigured) {
      lines.push(`${c.bold(r.name)} ${c.dim('unconfigured')}`);
      continue;
    }
    const susp = r.suspended
      ? ` ${c.red(`suspended${r.suspendedReasons.length ? `:${r.suspendedReasons.join(',')}` : ''}`)}`
      : '';
    lines.push(`${c.bold(r.name)} ${paint(r.role, c)}${susp}`);
    for (const d of r.devices) {
      const minor = d.minor !== null ? ` /dev/drbd${d.minor}` : '';
      const q = d.quorum === false ? ` ${c.red('no quorum')}` : '';
      const size = d.sizeBytes !== null ? ` ${humanBytes(d.sizeBytes)}` : '';
      lines.push(
        `  volume ${d.volume}${minor} disk ${paint(d.disk, c)}${size}${q}${rate(`${r.name}/${d.volume} read`, 'read')}${rate(`${r.name}/${d.volume} written`, 'write')}`,
      );
    }
    for (const conn of r.connections) {
      const proto = conn.protocol ? ` protocol ${conn.protocol}` : '';
      const cong = conn.congested ? ` ${c.yellow('congested')}` : '';
      lines.push(
        `  ${c.bold(conn.name)} ${paint(conn.state, c)} peer ${paint(conn.peerRole, c)}${proto}${cong}`,
      );
      for (const p of conn.peerDevices) {
        const oos = p.outOfSyncBytes ? ` out-of-sync ${c.yellow(humanBytes(p.outOfSyncBytes))}` : '';
        const paused = p.resyncSuspended.length
          ? ` ${c.yellow(`paused:${p.resyncSuspended.join(',')}`)}`
          : '';
        const key = `${r.name}/${conn.name}/${p.volume}`;
        lines.push(
          `    volume ${p.volume} ${paint(p.replication, c)} peer-disk ${paint(p.peerDisk, c)}${oos}${paused}${rate(`${key} sent`, 'send')}${rate(`${key} received`, 'receive')}`,
        );
        const y = p.sync;
        if (y) {
          const pct = y.percentDone === null ? '' : ` ${y.percentDone.toFixed(1)}%`;
          const left = y.leftBytes !== null ? ` ${humanBytes(y.leftBytes)} left` : '';
          const speed = y.speedBytesPerSecond !== null ? ` at ${humanBytes(y.speedBytesPerSecond)}/s` : '';
          const eta = y.etaSeconds !== null ? ` eta ${duration(y.etaSeconds)}` : '';
          const stalled = y.stalled ? ` ${c.red('stalled')}` : '';
          lines.push(
            `      ${y.kind} ${y.percentDone === null ? '' : bar(y.percentDone, c)}${pct}${left}${speed}${eta}${stalled}`,
          );
        }
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function renderFindings(list: readonly Diagnostic[], c: Colors): string {
  if (list.length === 0) return '';
  const sev = (d: Diagnostic) =>
    d.severity === 'error' ? c.red('error') : d.severity === 'warning' ? c.yellow('warning') : c.blue('info');
  return `\n${list
    .map(
      (d) =>
        `${d.position.start.line}:${d.position.start.column} ${sev(d)} ${d.message}${c.dim(` ${d.ruleId ?? d.code}`)}`,
    )
    .join('\n')}\n`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Options of `ftkit status`. */
export interface StatusOptions {
  readonly source?: StatusSource;
  readonly json?: boolean;
  readonly prometheus?: boolean;
  /** With `prometheus`: the enum families too (drbd-reactor's `enums = true`). */
  readonly enums?: boolean;
  /** Seconds between readings. */
  readonly watch?: number;
  readonly count?: number;
  readonly allowTwoPrimaries?: boolean;
  /** Nagios/Icinga plugin output: one line, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. */
  readonly check?: boolean;
}

/** Exit codes of the Nagios plugin API (`ftkit status --check`). */
export const NagiosCode = { ok: 0, warning: 1, critical: 2, unknown: 3 } as const;
const nagiosWord = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'] as const;

/** Perf data of a status: counts and bytes, `label=value[UOM];warn;crit;min` (Nagios plugin guidelines). */
export function perfData(s: DrbdStatus): string {
  const resources = s.resources.filter((r) => !r.unconfigured);
  const connections = resources.flatMap((r) => r.connections);
  const disks = resources.flatMap((r) => r.devices);
  const peers = connections.flatMap((c) => c.peerDevices);
  const oos = peers.reduce((n, p) => n + (p.outOfSyncBytes ?? 0), 0);
  return [
    `resources=${resources.length};;;0`,
    `connections=${connections.length};;;0`,
    `connected=${connections.filter((c) => c.state === 'Connected').length};;;0`,
    `disks=${disks.length};;;0`,
    `disks_uptodate=${disks.filter((d) => d.disk === 'UpToDate').length};;;0`,
    `syncing=${peers.filter((p) => p.sync !== null).length};;;0`,
    `out_of_sync=${oos}B;;;0`,
  ].join(' ');
}

/**
 * The one line of `ftkit status --check` and its exit code: CRITICAL on an error of the health
 * checks, WARNING on a warning (or on lines that could not be read), OK otherwise, UNKNOWN when
 * there is no DRBD status to judge.
 */
export function nagiosVerdict(
  read: { source: StatusSource | null; model: DrbdStatus },
  findings: readonly Diagnostic[],
): { code: number; line: string } {
  const s = read.model;
  const clean = (m: string) => m.replace(/\|/g, '/').replace(/\s+/g, ' ');
  const say = (code: number, text: string, perf = true) => ({
    code,
    line: `DRBD ${nagiosWord[code]} - ${clean(text)}${perf ? ` | ${perfData(s)}` : ''}`,
  });
  if (read.source === null) return say(NagiosCode.unknown, 'the input is not DRBD status output', false);
  const configured = s.resources.filter((r) => !r.unconfigured);
  if (read.source === 'proc-drbd' && s.kernel?.version?.startsWith('9') && configured.length === 0)
    return say(
      NagiosCode.unknown,
      'DRBD 9 lists no devices in /proc/drbd: check `drbdsetup status --json` output',
      false,
    );
  const health = findings.filter((d) => d.ruleId !== undefined);
  const errors = health.filter((d) => d.severity === 'error');
  const warnings = health.filter((d) => d.severity === 'warning');
  const unreadable = findings.filter((d) => d.ruleId === undefined && d.severity === 'error');
  if (unreadable.length > 0 && configured.length === 0)
    return say(NagiosCode.unknown, `cannot read the status: ${unreadable[0]!.message}`, false);
  const counts = `${configured.length} resource${configured.length === 1 ? '' : 's'}`;
  const messages = [...errors, ...warnings].map((d) => d.message);
  if (unreadable.length > 0)
    messages.push(`${unreadable.length} line${unreadable.length === 1 ? '' : 's'} could not be read`);
  const code =
    errors.length > 0 ? NagiosCode.critical : messages.length > 0 ? NagiosCode.warning : NagiosCode.ok;
  if (code === NagiosCode.ok) {
    const conns = configured.flatMap((r) => r.connections);
    const disks = configured.flatMap((r) => r.devices);
    return say(
      code,
      `${counts}, ${conns.filter((c) => c.state === 'Connected').length} of ${conns.length} connections Connected, ${disks.filter((d) => d.disk === 'UpToDate').length} of ${disks.length} disks UpToDate`,
    );
  }
  return say(code, `${counts}: ${messages.join('; ')}`);
}

async function statusCheck({ io, state }: CommandContext, file: string, opts: StatusOptions): Promise<void> {
  const unknown = (why: string) => {
    io.stdout(`DRBD UNKNOWN - ${why}\n`);
    state.exitCode = NagiosCode.unknown;
  };
  if (opts.json || opts.prometheus || opts.watch !== undefined)
    return unknown('--check cannot be combined with --json, --prometheus or --watch');
  let text: string;
  try {
    text = await readInput(file, io);
  } catch (error) {
    return unknown(error instanceof Error ? error.message : String(error));
  }
  const read = parseStatus(text, { ...(opts.source ? { source: opts.source } : {}), fileName: file });
  const settings = {
    ...(opts.allowTwoPrimaries ? { allowTwoPrimaries: true } : {}),
    ...(opts.source ? { source: opts.source } : {}),
  };
  const verdict = nagiosVerdict(read, lintStatus(text, { fileName: file, settings }).diagnostics);
  io.stdout(`${verdict.line}\n`);
  state.exitCode = verdict.code;
}

/** `ftkit status [FILE|-]`: a readable DRBD status summary (or JSON, or Prometheus text). */
export async function status(context: CommandContext, file: string, opts: StatusOptions): Promise<void> {
  if (opts.check) return statusCheck(context, file, opts);
  const { io, state } = context;
  const c = colors(state.color);
  if (opts.watch !== undefined && !(opts.watch > 0))
    throw new UsageError('Invalid --watch: expected a number of seconds above 0');
  if (opts.watch !== undefined && file === '-')
    throw new UsageError('--watch needs a file to re-read, not standard input');
  const settings = {
    ...(opts.allowTwoPrimaries ? { allowTwoPrimaries: true } : {}),
    ...(opts.source ? { source: opts.source } : {}),
  };
  let previous: { status: DrbdStatus; at: number } | undefined;
  let readings = 0;
  for (;;) {
    const text = await readInput(file, io);
    const at = Date.now();
    const read = parseStatus(text, { ...(opts.source ? { source: opts.source } : {}), fileName: file });
    const lint = lintStatus(text, { fileName: file, settings });
    const findings = lint.diagnostics;
    // Under --watch every reading is one JSON line (NDJSON), otherwise pretty-printed.
    if (opts.json)
      io.stdout(`${JSON.stringify(read.model, null, opts.watch === undefined ? 2 : undefined)}\n`);
    else if (opts.prometheus)
      io.stdout(
        await exposition(
          statusMetrics(read.model, { enums: opts.enums === true, helperCalls: read.helperCalls }),
        ),
      );
    else {
      const rates = previous
        ? counterRates(previous.status, read.model, (at - previous.at) / 1000)
        : undefined;
      if (opts.watch !== undefined) io.stdout(c.dim(`--- ${new Date(at).toISOString()}\n`));
      io.stdout(renderSummary(read.model, c, rates));
      io.stdout(renderFindings(findings, c));
    }
    if (opts.json || opts.prometheus) {
      for (const d of findings) {
        if (d.severity === 'error')
          io.stderr(`${file}:${d.position.start.line}:${d.position.start.column}: ${d.message}\n`);
      }
    }
    state.exitCode = hasErrors(findings) ? ExitCode.findings : ExitCode.ok;
    readings++;
    if (opts.watch === undefined || (opts.count !== undefined && readings >= opts.count)) break;
    previous = { status: read.model, at };
    await sleep(opts.watch * 1000);
  }
}

/** Options of `ftkit events2`. */
export interface Events2Options {
  readonly json?: boolean;
  /** Print only alerts: one line per transition into an unhealthy state. */
  readonly alert?: boolean;
}

/** `ftkit events2 [FILE|-]`: follows `drbdsetup events2` output. */
export async function events2(
  { io, state }: CommandContext,
  file: string,
  opts: Events2Options,
): Promise<void> {
  const c = colors(state.color);
  const parser = new Events2Parser();
  const reducer = new Events2Reducer();
  const alerts = opts.alert ? new Events2Alerts() : undefined;
  let alerted = 0;
  const emit = (events: Events2Event[]) => {
    for (const e of events) {
      if (alerts) {
        for (const a of alerts.apply(e)) {
          alerted++;
          io.stdout(`${formatAlert(a)}\n`);
        }
        continue;
      }
      reducer.apply(e);
      if (opts.json) {
        io.stdout(
          `${JSON.stringify({ timestamp: e.timestamp, action: e.action, object: e.object, fields: e.fields })}\n`,
        );
        continue;
      }
      if (e.object === '-') {
        if (e.action === 'exists') io.stdout(renderSummary(reducer.toStatus(), c));
        continue;
      }
      const id = ['name', 'conn-name', 'volume']
        .map((k) => e.fields[k])
        .filter((v) => v !== undefined)
        .join('/');
      const rest = Object.entries(e.fields)
        .filter(([k]) => !['name', 'conn-name', 'volume', 'peer-node-id', 'minor'].includes(k))
        .map(([k, v]) => `${k}:${paint(v, c)}`)
        .join(' ');
      if (reducer.initialDumpDone || e.action !== 'exists') {
        io.stdout(
          `${e.timestamp ? c.dim(`${e.timestamp.slice(11, 19)} `) : ''}${e.action} ${e.object} ${c.bold(id)} ${rest}\n`,
        );
      }
    }
  };
  // Problems are printed as they come and dropped, so a stream of bad lines holds no memory.
  const problems = () => {
    for (const d of parser.diagnostics.splice(0))
      io.stderr(`${file}:${d.position.start.line}: ${d.message}\n`);
  };
  let seen = false;
  for await (const chunk of chunksOf(file, io)) {
    const events = parser.push(chunk);
    seen ||= events.length > 0;
    emit(events);
    problems();
  }
  const last = parser.end();
  seen ||= last.length > 0;
  emit(last);
  problems();
  if (alerts) {
    // like `status`: 1 when something was found
    state.exitCode = alerted > 0 ? ExitCode.findings : ExitCode.ok;
    return;
  }
  if (seen && !reducer.initialDumpDone && !opts.json) {
    // A capture cut before `exists -` (or `drbdsetup events2` without --now of an old version):
    // the initial dump was held back waiting for it, so show the state it describes.
    io.stdout(renderSummary(reducer.toStatus(), c));
    io.stderr(`${file}: the input ended before \`exists -\` (the end of the initial state); shown as read\n`);
  }
  state.exitCode = ExitCode.ok;
}

/**
 * Chunks of the input as they arrive: files and standard input are streamed (so a live
 * `drbdsetup events2` pipe is followed and a big capture is never held whole); FIFOs, sockets and
 * devices named as FILE are refused. Test input without a stream comes as one chunk.
 */
async function* chunksOf(file: string, io: CliIo): AsyncGenerator<string> {
  let source: AsyncIterable<Uint8Array | string>;
  if (file !== '-') {
    const fd = openInputFile(resolve(io.cwd, file), file);
    source = createReadStream(file, { fd, highWaterMark: 1 << 16 });
  } else if (io.stdinStream) source = io.stdinStream();
  else {
    yield await io.readStdin();
    return;
  }
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of source)
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail) yield tail;
}
