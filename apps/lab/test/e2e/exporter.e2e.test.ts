import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { type DrbdStatus, parse, statusMetrics } from '@ftkit/proc-drbd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bin, envFor, fixtures, ftkit, nodesUnderTest, pathFor, root, tempDir } from './helpers.js';

vi.setConfig({ testTimeout: 120_000 });

// `ftkit exporter` as shipped: the built binary as a child process, scraped over HTTP on a
// loopback port the kernel picks (`--listen 127.0.0.1:0`; the exporter logs the address). One
// Node (the repository's): the server code has no Node-version branches, and each case runs for
// seconds. DRBD 9 is a fake `drbdsetup` on PATH streaming recorded events2 output; DRBD 8.x are
// /proc/drbd files of 8.3 and 8.4.

const node = nodesUnderTest()[0]!;
const fx = (name: string) => join(fixtures, name);
const text = (name: string) => readFileSync(fx(name), 'utf8');

interface Reactor {
  readonly name: string;
  readonly type: string;
  readonly labels: readonly string[];
}
const reactor: Reactor[] = JSON.parse(
  readFileSync(join(root, 'packages/proc-drbd/test/fixtures/drbd-reactor/metrics.json'), 'utf8'),
).filter((f: Reactor) => f.name !== 'drbdreactor_up');

interface Scraped {
  type: string;
  samples: { labels: Record<string, string>; value: number }[];
}

/** The families of a text exposition (enough of the format for what prom-client writes). */
function parseExposition(body: string): Map<string, Scraped> {
  const out = new Map<string, Scraped>();
  const family = (name: string) => {
    let f = out.get(name);
    if (!f) {
      f = { type: '', samples: [] };
      out.set(name, f);
    }
    return f;
  };
  for (const line of body.split('\n')) {
    if (line === '' || line.startsWith('# HELP ')) continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      family(type[1]!).type = type[2]!;
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1]!] = l[2]!.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
    family(m[1]!).samples.push({ labels, value: Number(m[3]) });
  }
  return out;
}

const value = (m: Map<string, Scraped>, name: string, labels: Record<string, string> = {}) =>
  m.get(name)?.samples.find((s) => Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;

interface Running {
  readonly url: string;
  readonly child: ChildProcess;
  stderr(): string;
  scrape(): Promise<{ status: number; type: string | null; body: string; families: Map<string, Scraped> }>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) if (r.child.exitCode === null) await r.stop();
});

/** Starts the built `ftkit exporter` with `args` and waits until it says where it listens. */
async function startExporter(args: readonly string[], env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(bin, ['exporter', '--listen', '127.0.0.1:0', ...args], {
    cwd: root,
    env: envFor(node, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  const url = await new Promise<string>((ok, fail) => {
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      const m = /listening on (http:\/\/\S+\/metrics)/.exec(stderr);
      if (m) ok(m[1]!);
    });
    child.once('exit', (code) => fail(new Error(`exporter exited with ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  const r: Running = {
    url,
    child,
    stderr: () => stderr,
    async scrape() {
      const res = await fetch(url);
      const body = await res.text();
      return {
        status: res.status,
        type: res.headers.get('content-type'),
        body,
        families: parseExposition(body),
      };
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
  running.push(r);
  return r;
}

/** Scrapes until `ready` holds (the exporter works on its own schedule), at most 30 s. */
async function scrapeUntil(r: Running, ready: (m: Map<string, Scraped>) => boolean) {
  for (let i = 0; ; i++) {
    const s = await r.scrape();
    if (ready(s.families)) return s;
    if (i > 300) throw new Error(`not ready after 30 s; last scrape:\n${s.body}\nstderr:\n${r.stderr()}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Every sample the mapping gives for `status` is in the scrape with the same value. */
function expectSamplesOf(families: Map<string, Scraped>, status: DrbdStatus, enums = true) {
  const expected = statusMetrics(status, { enums });
  for (const f of expected.filter((x) => x.name !== 'drbd_version')) {
    const got = families.get(f.name);
    expect(got, f.name).toBeDefined();
    expect(got!.type).toBe(f.type);
    expect(got!.samples).toEqual(f.samples.map((s) => ({ labels: s.labels, value: s.value })));
  }
}

/** drbd-reactor's names, types and label names (the fixture), for every drbd_* family scraped. */
function expectReactorNames(families: Map<string, Scraped>, all: boolean) {
  const known = new Map(reactor.map((f) => [f.name, f]));
  const drbd = [...families.keys()].filter((n) => n.startsWith('drbd'));
  for (const name of drbd) {
    const f = known.get(name);
    expect(f, `${name} is not one of drbd-reactor's`).toBeDefined();
    expect(families.get(name)!.type).toBe(f!.type);
    for (const s of families.get(name)!.samples) expect(Object.keys(s.labels)).toEqual(f!.labels);
  }
  if (all) expect(drbd.sort()).toEqual(reactor.map((f) => f.name).sort());
}

/** A directory with a fake `drbdsetup`: run 1 streams `first` and exits 1; later runs stream `then` and stay. */
function fakeDrbdsetup(first: string, then: string, now: string): string {
  const dir = tempDir('ftkit-exporter-');
  writeFileSync(join(dir, 'first.txt'), first);
  writeFileSync(join(dir, 'then.txt'), then);
  writeFileSync(join(dir, 'now.txt'), now);
  writeFileSync(
    join(dir, 'drbdsetup'),
    `#!/bin/sh
dir=$(dirname "$0")
echo "$*" >> "$dir/calls"
case "$*" in *--now*) cat "$dir/now.txt"; exit 0;; esac
n=$(cat "$dir/runs" 2>/dev/null || echo 0)
n=$((n + 1))
echo $n > "$dir/runs"
if [ "$n" -eq 1 ]; then
  cat "$dir/first.txt"
  echo "fake drbdsetup: lost the netlink socket" >&2
  exit 1
fi
cat "$dir/then.txt"
echo $$ > "$dir/pid"
exec sleep 600
`,
  );
  chmodSync(join(dir, 'drbdsetup'), 0o755);
  return dir;
}

describe('ftkit exporter', () => {
  it('DRBD 9: follows events2 through a restart, with drbd-reactor names and the model values', async () => {
    // Run 1: the first 12 lines of a stream (initial dump and a disconnect), then drbdsetup exits.
    const first = `${text('events2-stream.txt').split('\n').slice(0, 12).join('\n')}\n`;
    // Run 2: three peers, one malformed line, one change.
    const then = `${text('events2-three-node.txt')}this is not an events2 line\n2024-06-20T10:16:00.000000+02:00 change connection name:web peer-node-id:2 conn-name:beta connection:Connected role:Secondary\n`;
    const now =
      'exists peer-device name:web peer-node-id:1 conn-name:alpha volume:0 replication:Established peer-disk:UpToDate peer-client:no resync-suspended:no received:0 sent:9999999 out-of-sync:0 pending:0 unacked:0\nexists -\n';
    const dir = fakeDrbdsetup(first, then, now);
    const r = await startExporter(
      ['--drbdsetup', 'drbdsetup', '--enums', '--restart-delay', '100', '--statistics-interval', '1'],
      { PATH: `${dir}:${pathFor(node)}` },
    );
    const alpha = { name: 'web', conn_name: 'alpha', peer_node_id: '1', volume: '0' };
    const { families, type } = await scrapeUntil(
      r,
      (m) =>
        value(m, 'ftkit_exporter_up') === 1 &&
        value(m, 'ftkit_exporter_source_restarts_total') === 1 &&
        value(m, 'drbd_peerdevice_sent_bytes', alpha) === 9999999 * 1024,
    );
    expect(type).toBe('text/plain; version=0.0.4; charset=utf-8');
    expectReactorNames(families, true);
    // The state of run 2 with the poll applied: run 1's resource r0 is gone.
    const model = parse(then + now, { source: 'events2' }).model;
    expectSamplesOf(families, model);
    expect(value(families, 'drbd_resource_resources')).toBe(1);
    expect(value(families, 'drbd_peerdevice_outofsync_bytes', { conn_name: 'gamma' })).toBe(11796480 * 1024);
    expect(
      value(families, 'drbd_connection_state', { conn_name: 'beta', drbd_connection_state: 'Connected' }),
    ).toBe(1);
    expect(value(families, 'ftkit_drbd_peerdevice_sync_eta_seconds', { conn_name: 'gamma' })).toBe(115);
    expect(value(families, 'ftkit_exporter_malformed_lines_total')).toBe(1);
    expect(value(families, 'ftkit_exporter_source_errors_total')).toBe(1);
    expect(r.stderr()).toContain('stderr: fake drbdsetup: lost the netlink socket');
    expect(r.stderr()).toContain('events2 exited with code 1; restarting in 100 ms');
    expect(r.stderr()).toMatch(/events2 line \d+: Expected `ACTION OBJECT key:value …`, found `this is not/);
    const calls = readFileSync(join(dir, 'calls'), 'utf8');
    expect(calls).toContain('events2 --full --statistics\nevents2 --full --statistics\n');
    expect(calls).toContain('events2 --now --statistics');
    expect(await r.stop()).toBe(0);
    expect(r.stderr()).toContain('ftkit exporter: stopped');
  });

  it.each([
    ['8.3', 'proc-drbd-83.txt'],
    ['8.4', 'proc-drbd.txt'],
  ])(
    'DRBD %s: reads /proc/drbd at each scrape; unreadable gives up 0 and the server stays up',
    async (_, name) => {
      const dir = tempDir('ftkit-exporter-');
      const file = join(dir, 'drbd');
      copyFileSync(fx(name), file);
      const r = await startExporter(['--proc-drbd', file, '--enums']);
      const first = await r.scrape();
      expect(first.status).toBe(200);
      expect(value(first.families, 'ftkit_exporter_up')).toBe(1);
      expectReactorNames(first.families, false);
      const model = parse(text(name)).model;
      expectSamplesOf(first.families, model);
      expect(value(first.families, 'drbd_version')).toBe(1);
      expect(first.families.get('drbd_version')!.samples[0]!.labels.kmod).toBe(model.kernel!.version);
      expect(value(first.families, 'drbd_peerdevice_sent_bytes', { name: 'drbd0' })).toBe(
        model.resources[0]!.connections[0]!.peerDevices[0]!.sentBytes,
      );
      // `ftkit status --prometheus` prints the same DRBD families (one mapping, one serializer)
      const status = parseExposition(ftkit(node, ['status', '--prometheus', '--enums', file]).stdout);
      const drbdOf = (m: Map<string, Scraped>) =>
        [...m].filter(([n]) => !n.startsWith('ftkit_exporter_') && n !== 'drbd_version');
      expect(drbdOf(first.families).length).toBeGreaterThan(10);
      expect(drbdOf(first.families)).toEqual(drbdOf(status));

      renameSync(file, `${file}.away`);
      const gone = await r.scrape();
      expect(gone.status).toBe(200);
      expect(value(gone.families, 'ftkit_exporter_up')).toBe(0);
      expect(value(gone.families, 'ftkit_exporter_source_errors_total')).toBe(1);
      expect([...gone.families.keys()].filter((n) => n.startsWith('drbd_'))).toEqual([]);
      expect(r.stderr()).toContain(`cannot read ${file}`);

      renameSync(`${file}.away`, file);
      const back = await r.scrape();
      expect(value(back.families, 'ftkit_exporter_up')).toBe(1);
      expect((await fetch(r.url.replace('/metrics', '/nothing'))).status).toBe(404);
      expect(await r.stop()).toBe(0);
    },
  );

  it('exits 2 with one line when the port is in use', async () => {
    const r = await startExporter(['--proc-drbd', fx('proc-drbd.txt')]);
    const taken = r.url.replace(/^http:\/\//, '').replace(/\/metrics$/, '');
    const second = ftkit(node, ['exporter', '--listen', taken, '--proc-drbd', fx('proc-drbd.txt')]);
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(
      `ftkit: Cannot listen on ${taken}: address already in use (is drbd-reactor or another exporter running?)\n`,
    );
    expect(ftkit(node, ['exporter', '--listen', 'nowhere'])).toMatchObject({
      code: 2,
      stderr: 'ftkit: Invalid --listen `nowhere`: expected HOST:PORT, [IPV6]:PORT or :PORT\n',
    });
  });

  it('--textfile --once writes drbd.prom atomically, and nothing else, into the directory', () => {
    const dir = join(tempDir('ftkit-textfile-'), 'collector');
    const run = ftkit(node, ['exporter', '--textfile', dir, '--once', '--proc-drbd', fx('proc-drbd-83.txt')]);
    expect(run.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['drbd.prom']);
    const families = parseExposition(readFileSync(join(dir, 'drbd.prom'), 'utf8'));
    expect(value(families, 'ftkit_exporter_up')).toBe(1);
    expectSamplesOf(families, parse(text('proc-drbd-83.txt')).model, false);
    expect(families.has('drbd_device_state')).toBe(false);
    expect(existsSync(join(dir, 'drbd.prom'))).toBe(true);
  });

  it('--textfile --once on DRBD 9 waits for the initial dump, writes it, and stops drbdsetup', () => {
    const dir = fakeDrbdsetup('', text('events2-three-node.txt'), '');
    writeFileSync(join(dir, 'runs'), '1\n'); // straight to the run that streams and stays
    const out = join(dir, 'collector');
    const run = ftkit(node, ['exporter', '--textfile', out, '--once', '--drbdsetup', join(dir, 'drbdsetup')]);
    expect(run.code).toBe(0);
    const families = parseExposition(readFileSync(join(out, 'drbd.prom'), 'utf8'));
    expect(value(families, 'ftkit_exporter_up')).toBe(1);
    expectSamplesOf(families, parse(text('events2-three-node.txt')).model, false);
    // the `sleep` the fake drbdsetup became was stopped with the exporter
    const pid = readFileSync(join(dir, 'pid'), 'utf8').trim();
    const alive = () => {
      try {
        return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 30 && alive(); i++) spawnSync('sleep', ['0.1']);
    expect(alive()).toBe(false);
  });
});
