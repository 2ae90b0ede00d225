import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  type DrbdStatus,
  Events2Parser,
  Events2Reducer,
  parse as parseStatus,
  statusMetrics,
} from '@ftkit/proc-drbd';
import writeFileAtomic from 'write-file-atomic';
import type { CommandContext } from '../commands/types.js';
import { type ExposedFamily, exposition, expositionContentType } from '../exposition.js';
import { type CliIo, ExitCode, UsageError } from '../io.js';

/** Options of `ftkit exporter`. */
export interface ExporterOptions {
  /** `HOST:PORT` (`[::1]:9942`, `:9942` for every address). */
  readonly listen: string;
  readonly drbdsetup?: string;
  readonly procDrbd?: string;
  readonly textfile?: string;
  /** Seconds between writes of the textfile. */
  readonly interval: number;
  /** Seconds between `drbdsetup events2 --now --statistics` polls (counters change without events). */
  readonly statisticsInterval: number;
  /** First restart delay of a `drbdsetup` that exited, in milliseconds (doubles up to 30 s). */
  readonly restartDelay: number;
  readonly once?: boolean;
  readonly enums?: boolean;
}

/** What a scrape reads from a source. */
interface Reading {
  readonly up: boolean;
  /** Changes whenever the DRBD state may have changed (the rendered families are cached by it). */
  readonly key: unknown;
  /** The state (built on demand: at 1,000 resources this is the costly part). */
  status(): DrbdStatus | null;
  readonly helperCalls: readonly { readonly resource: string; readonly helper: string }[];
}

/** The exporter's own counters, shared by both sources. */
interface Health {
  events: number;
  malformedLines: number;
  sourceErrors: number;
  restarts: number;
}

interface Source {
  readonly kind: 'events2' | 'proc-drbd';
  readonly path: string;
  read(): Promise<Reading>;
  /** Called after the state changed (events2 only; /proc/drbd is read at each scrape). */
  onChange?: () => void;
  stop(): void;
}

type Log = (line: string) => void;

/** The DRBD families rendered once: text, its UTF-8 bytes after a blank line, and those gzipped. */
interface Rendered {
  readonly text: string;
  readonly bytes: Buffer;
  readonly gzip: Buffer;
}
const noDrbd: Rendered = { text: '', bytes: Buffer.alloc(0), gzip: Buffer.alloc(0) };

/** Reads /proc/drbd (DRBD 8.x) at each scrape; an unreadable file gives `up` 0, never an error. */
function procSource(path: string, health: Health, log: Log): Source {
  let loggedError = '';
  return {
    kind: 'proc-drbd',
    path,
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        health.sourceErrors++;
        const message = `cannot read ${path}: ${(error as Error).message}`;
        // once per distinct failure, so a missing module does not flood the journal
        if (message !== loggedError) log(message);
        loggedError = message;
        return { up: false, key: null, status: () => null, helperCalls: [] };
      }
      loggedError = '';
      const read = parseStatus(text, { source: 'proc-drbd', fileName: path });
      health.malformedLines += read.diagnostics.filter((d) => d.severity === 'error').length;
      return { up: true, key: text, status: () => read.model, helperCalls: [] };
    },
    stop() {},
  };
}

/**
 * Follows `drbdsetup events2 --full --statistics` (DRBD 9): spawned once, restarted with a
 * doubling delay when it exits (its stderr logged), its counters refreshed by a
 * `drbdsetup events2 --now --statistics` poll, as drbd-reactor does. Malformed lines are counted
 * and skipped. The state of a run is served until the next run has finished its initial dump.
 */
function events2Source(path: string, options: ExporterOptions, health: Health, log: Log): Source {
  let current = new Events2Reducer();
  let generation = 0;
  let child: ChildProcess | undefined;
  let running = false;
  let stopped = false;
  let failures = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  const logStderr = (prefix: string, stream: NodeJS.ReadableStream | null) => {
    let tail = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (tail + chunk).split('\n');
      tail = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') log(`${prefix}: ${line}`);
    });
  };
  const changed = () => {
    generation++;
    source.onChange?.();
  };
  const feed = (parser: Events2Parser, reducer: Events2Reducer, chunk: string, skipDumpEnd: boolean) => {
    const events = parser.push(chunk);
    for (const e of events) {
      if (skipDumpEnd && e.object === '-') continue;
      reducer.apply(e);
    }
    health.events += events.length;
    if (events.length > 0 && reducer === current) changed();
    const problems = parser.diagnostics.splice(0);
    health.malformedLines += problems.length;
    for (const d of problems) log(`${path} events2 line ${d.position.start.line}: ${d.message}`);
  };
  const start = () => {
    if (stopped) return;
    const startedAt = Date.now();
    const next = new Events2Reducer();
    const parser = new Events2Parser();
    const proc = spawn(path, ['events2', '--full', '--statistics'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    running = true;
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      feed(parser, next, chunk, false);
      if (next.initialDumpDone && current !== next) {
        current = next;
        changed();
      }
    });
    logStderr(`${path} stderr`, proc.stderr);
    let ended = false;
    const onEnd = (why: string) => {
      if (ended) return;
      ended = true;
      running = false;
      child = undefined;
      if (stopped) return;
      changed();
      for (const e of parser.end()) next.apply(e);
      health.malformedLines += parser.diagnostics.splice(0).length;
      health.sourceErrors++;
      // a run that lasted a minute was healthy: start again from the shortest delay
      failures = Date.now() - startedAt > 60_000 ? 0 : failures + 1;
      const delay = Math.min(options.restartDelay * 2 ** Math.max(0, failures - 1), 30_000);
      log(`${path} events2 ${why}; restarting in ${delay} ms`);
      restartTimer = setTimeout(() => {
        health.restarts++;
        start();
      }, delay);
    };
    proc.on('error', (error) => onEnd(`could not run: ${error.message}`));
    proc.on('close', (code, signal) =>
      onEnd(signal ? `ended by signal ${signal}` : `exited with code ${code}`),
    );
  };
  const poll = () => {
    if (stopped || !running) return;
    const target = current;
    const parser = new Events2Parser();
    const proc = spawn(path, ['events2', '--now', '--statistics'], { stdio: ['ignore', 'pipe', 'pipe'] });
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => feed(parser, target, chunk, true));
    logStderr(`${path} events2 --now stderr`, proc.stderr);
    proc.on('error', (error) => log(`${path} events2 --now: ${error.message}`));
  };
  const source: Source = {
    kind: 'events2',
    path,
    async read() {
      const up = running && current.initialDumpDone;
      const reducer = current;
      if (!reducer.initialDumpDone) return { up, key: null, status: () => null, helperCalls: [] };
      const helperCalls = reducer.helperCalls.map((h) => ({
        resource: h.fields.name ?? '',
        helper: h.fields.helper ?? '',
      }));
      return { up, key: generation, status: () => reducer.toStatus(), helperCalls };
    },
    stop() {
      stopped = true;
      clearTimeout(restartTimer);
      clearInterval(pollTimer);
      child?.kill('SIGTERM');
    },
  };
  // started once `source` exists: its first output calls `changed`, which reads it
  start();
  if (options.statisticsInterval > 0) {
    pollTimer = setInterval(poll, options.statisticsInterval * 1000);
    pollTimer.unref();
  }
  return source;
}

/** `kmod` and `utils` of `drbd_version`, from `drbdadm --version` as drbd-reactor reads them. */
export function drbdVersions(output: string): { kmod?: string; utils?: string } {
  const code = (key: string) => {
    const m = new RegExp(`^${key}=0x([0-9a-fA-F]+)$`, 'm').exec(output);
    if (!m) return undefined;
    const v = Number.parseInt(m[1]!, 16);
    return `${(v >> 16) & 0xff}.${(v >> 8) & 0xff}.${v & 0xff}`;
  };
  const found = code('DRBD_KERNEL_VERSION_CODE');
  // drbdadm says 0.0.0 when no module is loaded: unknown, not a version
  const kmod = found === '0.0.0' ? undefined : found;
  const utils = code('DRBDADM_VERSION_CODE');
  return { ...(kmod !== undefined ? { kmod } : {}), ...(utils !== undefined ? { utils } : {}) };
}

function readVersions(): { kmod?: string; utils?: string } {
  const r = spawnSync('drbdadm', ['--version'], { encoding: 'utf8', timeout: 5000 });
  return r.status === 0 ? drbdVersions(r.stdout) : {};
}

/** The exporter's own families (not in @ftkit/proc-drbd: they describe this process). */
function exporterFamilies(source: Source, up: boolean, health: Health, version: string): ExposedFamily[] {
  const one = (value: number) => [{ labels: {}, value }];
  return [
    {
      name: 'ftkit_exporter_up',
      type: 'gauge',
      help: '1 if the last read of the DRBD status source succeeded (drbdsetup events2 running past its initial dump, or /proc/drbd readable)',
      labelNames: [],
      samples: one(up ? 1 : 0),
    },
    {
      name: 'ftkit_exporter_build_info',
      type: 'gauge',
      help: 'Constant 1, labelled with the ftkit version and the status source (events2 or proc-drbd)',
      labelNames: ['version', 'source'],
      samples: [{ labels: { version, source: source.kind }, value: 1 }],
    },
    {
      name: 'ftkit_exporter_events_total',
      type: 'counter',
      help: 'drbdsetup events2 events read (0 for /proc/drbd)',
      labelNames: [],
      samples: one(health.events),
    },
    {
      name: 'ftkit_exporter_malformed_lines_total',
      type: 'counter',
      help: 'Lines of the status source that could not be read (counted and skipped)',
      labelNames: [],
      samples: one(health.malformedLines),
    },
    {
      name: 'ftkit_exporter_source_errors_total',
      type: 'counter',
      help: 'Failed reads of /proc/drbd, and drbdsetup events2 runs that ended or could not start',
      labelNames: [],
      samples: one(health.sourceErrors),
    },
    {
      name: 'ftkit_exporter_source_restarts_total',
      type: 'counter',
      help: 'Restarts of drbdsetup events2 after it ended',
      labelNames: [],
      samples: one(health.restarts),
    },
  ];
}

/** `host:port`, `[v6]:port` or `:port` (every address). */
export function parseListen(value: string): { host: string | undefined; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]*)):(\d{1,5})$/.exec(value);
  const port = m ? Number(m[3]) : Number.NaN;
  if (!m || port > 65535)
    throw new UsageError(`Invalid --listen \`${value}\`: expected HOST:PORT, [IPV6]:PORT or :PORT`);
  const host = m[1] ?? (m[2] === '' ? undefined : m[2]);
  return { host, port };
}

/** Which source to read: the option given, else /proc/drbd when it shows DRBD 8, else events2. */
function chooseSource(opts: ExporterOptions, io: CliIo, health: Health, log: Log): Source {
  if (opts.procDrbd !== undefined && opts.drbdsetup !== undefined)
    throw new UsageError('Give --proc-drbd (DRBD 8.x) or --drbdsetup (DRBD 9), not both');
  if (opts.procDrbd !== undefined) return procSource(resolve(io.cwd, opts.procDrbd), health, log);
  if (opts.drbdsetup === undefined) {
    let head = '';
    try {
      head = readFileSync('/proc/drbd', 'utf8').slice(0, 200);
    } catch {
      // no module loaded (yet): DRBD 9 utils are what a current system has
    }
    if (/^version: 8\./.test(head)) return procSource('/proc/drbd', health, log);
  }
  return events2Source(opts.drbdsetup ?? 'drbdsetup', opts, health, log);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `ftkit exporter`: serves `/metrics` with drbd-reactor's metric names (DRBD 9 through
 * `drbdsetup events2`, 8.x through /proc/drbd), or writes `DIR/drbd.prom` for node_exporter's
 * textfile collector. Runs until SIGTERM or SIGINT; a port in use ends it with exit code 2.
 */
export async function exporter({ io, state }: CommandContext, opts: ExporterOptions): Promise<void> {
  if (!(opts.interval > 0)) throw new UsageError('Invalid --interval: expected a number of seconds above 0');
  if (!(opts.statisticsInterval >= 0))
    throw new UsageError('Invalid --statistics-interval: expected a number of seconds (0: no polling)');
  if (!(opts.restartDelay >= 0)) throw new UsageError('Invalid --restart-delay: expected milliseconds');
  if (opts.once && opts.textfile === undefined) throw new UsageError('--once needs --textfile');
  const listen = opts.textfile === undefined ? parseListen(opts.listen) : undefined;
  const log: Log = (line) => io.stderr(`ftkit exporter: ${line}\n`);
  const health: Health = { events: 0, malformedLines: 0, sourceErrors: 0, restarts: 0 };
  const source = chooseSource(opts, io, health, log);
  const versions = readVersions();
  // drbd-reactor's cache: the DRBD families are rendered again only when the state changed (at
  // 1,000 resources × 3 peers that takes prom-client about half a second), in the background
  // shortly after a change, so a scrape usually just sends the text; the exporter's own few
  // families are rendered at every scrape.
  let cache: (Rendered & { key: unknown }) | undefined;
  let rendering: Promise<Rendered> | undefined;
  const drbdText = async (reading: Reading): Promise<Rendered> => {
    if (reading.key === null) return noDrbd;
    if (cache && cache.key === reading.key) return cache;
    const status = reading.status();
    const text = status
      ? await exposition(
          statusMetrics(status, { enums: opts.enums === true, versions, helperCalls: reading.helperCalls }),
        )
      : '';
    // kept encoded and compressed: a scrape then only sends bytes (a gzip stream may hold
    // several members, so the exporter's own families are compressed apart and sent first)
    const bytes = Buffer.from(`\n${text}`);
    cache = { key: reading.key, text, bytes, gzip: gzipSync(bytes) };
    return cache;
  };
  /** One render of the DRBD families at a time; the next one waits for it. */
  const renderDrbd = async (reading: Reading): Promise<Rendered> => {
    while (rendering) await rendering.catch(() => noDrbd);
    const p = drbdText(reading);
    rendering = p;
    try {
      return await p;
    } finally {
      if (rendering === p) rendering = undefined;
    }
  };
  /** The exposition: the exporter's own families, then the DRBD ones. */
  const render = async () => {
    const reading = await source.read();
    const drbd = await renderDrbd(reading);
    const own = await exposition(exporterFamilies(source, reading.up, health, state.version));
    return { own, drbd };
  };
  let pending: NodeJS.Timeout | undefined;
  source.onChange = () => {
    pending ??= setTimeout(() => {
      pending = undefined;
      source
        .read()
        .then(renderDrbd)
        .catch((error: Error) => log(`render failed: ${error.message}`));
    }, 200);
  };

  let stop!: () => void;
  const stopped = new Promise<void>((r) => {
    stop = r;
  });
  const onSignal = () => stop();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    if (opts.textfile !== undefined) {
      const dir = resolve(io.cwd, opts.textfile);
      const file = join(dir, 'drbd.prom');
      try {
        mkdirSync(dir, { recursive: true });
      } catch (error) {
        throw new UsageError(`Cannot create \`${opts.textfile}\`: ${(error as Error).message}`);
      }
      log(`writing ${file} every ${opts.interval} s (source: ${source.kind} ${source.path})`);
      let done = false;
      void stopped.then(() => {
        done = true;
      });
      for (;;) {
        // events2: wait for the initial dump (at most 10 s) so the first file is complete
        if (source.kind === 'events2')
          for (let i = 0; i < 100 && !done && !(await source.read()).up; i++) await sleep(100);
        // atomic: node_exporter never reads half a file (a temporary file beside it, then rename)
        const { own, drbd } = await render();
        await writeFileAtomic(file, drbd.text === '' ? own : `${own}\n${drbd.text}`);
        if (opts.once || done) break;
        await Promise.race([sleep(opts.interval * 1000), stopped]);
        if (done) break;
      }
    } else {
      const server = createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          res.writeHead(405, { allow: 'GET, HEAD' }).end();
          return;
        }
        if (path === '/metrics') {
          const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
          render().then(
            ({ own, drbd }) => {
              const empty = drbd.text === '';
              const head = gzip ? gzipSync(own) : Buffer.from(own);
              const tail = empty ? Buffer.alloc(0) : gzip ? drbd.gzip : drbd.bytes;
              res.writeHead(200, {
                'content-type': expositionContentType,
                'content-length': head.length + tail.length,
                ...(gzip ? { 'content-encoding': 'gzip' } : {}),
                vary: 'accept-encoding',
              });
              if (req.method === 'HEAD') res.end();
              else {
                res.write(head);
                res.end(tail);
              }
            },
            (error: Error) => {
              log(`scrape failed: ${error.message}`);
              res.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`);
            },
          );
        } else if (path === '/') {
          res
            .writeHead(200, { 'content-type': 'text/html' })
            .end('<html><body><h1>ftkit exporter</h1><a href="/metrics">/metrics</a></body></html>\n');
        } else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: try /metrics\n');
      });
      await listenOn(server, listen!, opts.listen);
      const address = server.address();
      const shown =
        address && typeof address === 'object'
          ? `${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`
          : opts.listen;
      log(`listening on http://${shown}/metrics (source: ${source.kind} ${source.path})`);
      await stopped;
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      log('stopped');
    }
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    clearTimeout(pending);
    source.stop();
  }
  state.exitCode = ExitCode.ok;
}

function listenOn(
  server: Server,
  at: { host: string | undefined; port: number },
  given: string,
): Promise<void> {
  return new Promise((ok, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE'
          ? 'address already in use (is drbd-reactor or another exporter running?)'
          : error.code === 'EACCES'
            ? 'permission denied'
            : error.message;
      fail(new UsageError(`Cannot listen on ${given}: ${why}`));
    });
    server.listen(at.port, at.host, () => ok());
  });
}
