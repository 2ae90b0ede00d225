#!/usr/bin/env node
// npm run fuzz -- [--budget SECONDS] [--seed N] [--out DIR] [--no-cli]
//
// Fuzzes every format's parse, parseCst/print, lint, emit and format with mutated fixtures
// (scripts/fuzz-lib.mjs), then the built CLI's file and standard-input handling, and prints a
// summary. Needs `npm run build` first (it uses apps/lab/dist). Promises checked: nothing throws
// or crashes, print(parseCst(x)) === x, diagnostics are well-formed, Object.prototype stays
// untouched, no input hangs (10 s per API input, 20 s per CLI run) and none needs more than
// 1 GB of heap (API, in a worker) or 512 MB (CLI). Failing inputs are written to --out.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fuzzCli, fuzzFormats, loadCorpus, summary } from './fuzz-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'apps/lab/dist/bin/ftkit.js');
const HANG_MS = 10_000;
const CLI_TIMEOUT_MS = 20_000;

if (!isMainThread) {
  // The API phase runs here so that a hang or a heap blow-up can be caught from outside.
  const { formats } = await import(join(root, 'apps/lab/dist/index.js'));
  const { seed, budgetMs } = workerData;
  const rows = fuzzFormats({
    formats,
    corpus: loadCorpus(root),
    seed,
    budgetMs,
    onInput: (format, text) =>
      parentPort.postMessage({
        kind: 'input',
        format,
        text: text.length <= 1 << 20 ? text : undefined,
        length: text.length,
      }),
  });
  parentPort.postMessage({ kind: 'done', rows });
} else {
  await main();
}

function parseArgs(argv) {
  const o = { budget: 60, seed: Date.now() % 2 ** 31, out: undefined, cli: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--budget') o.budget = Number(argv[++i]);
    else if (a === '--seed') o.seed = Number(argv[++i]);
    else if (a === '--out') o.out = argv[++i];
    else if (a === '--no-cli') o.cli = false;
    else if (a === '-h' || a === '--help') {
      process.stdout.write('usage: npm run fuzz -- [--budget SECONDS] [--seed N] [--out DIR] [--no-cli]\n');
      process.exit(0);
    } else {
      process.stderr.write(`fuzz: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  if (!(o.budget > 0) || !Number.isInteger(o.seed)) {
    process.stderr.write('fuzz: --budget must be a positive number of seconds and --seed an integer\n');
    process.exit(2);
  }
  return o;
}

/** The API phase in a worker with a heap limit and a watchdog; resolves to its summary rows. */
function apiPhase(seed, budgetMs) {
  return new Promise((resolve) => {
    const worker = new Worker(fileURLToPath(import.meta.url), {
      workerData: { seed, budgetMs },
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    let last = { format: '?', text: '', length: 0 };
    const runs = new Map();
    let timer;
    const fail = (error) => {
      clearTimeout(timer);
      void worker.terminate();
      const rows = [...runs].map(([f, n]) => ({ area: `api ${f}`, runs: n, slowest: { ms: 0, length: 0 } }));
      const row = rows.find((r) => r.area === `api ${last.format}`);
      if (row) row.failure = { input: last.text, error };
      resolve(rows);
    };
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => fail(`no progress for ${HANG_MS / 1000} s on a ${last.length}-character input (hang)`),
        HANG_MS,
      );
    };
    arm();
    worker.on('message', (m) => {
      if (m.kind === 'input') {
        last = m;
        runs.set(m.format, (runs.get(m.format) ?? 0) + 1);
        arm();
      } else {
        clearTimeout(timer);
        resolve(m.rows);
      }
    });
    worker.on('error', (e) => fail(`worker died: ${e.code ?? ''} ${e.message}`));
  });
}

/** Runs the built CLI once: `text` goes to `dir/file` and, when asked, to standard input. */
function spawnInvoke(dir) {
  return (args, stdin, file, text) =>
    new Promise((resolve) => {
      const path = join(dir, file);
      writeFileSync(path, text);
      const t0 = performance.now();
      const child = spawn(
        process.execPath,
        ['--max-old-space-size=512', cli, '--no-color', ...args.map((a) => (a === 'FILE' ? path : a))],
        {
          cwd: dir,
          stdio: ['pipe', 'ignore', 'pipe'],
          env: { ...process.env, NO_COLOR: '1' },
        },
      );
      let stderr = '';
      child.stderr.on('data', (b) => {
        if (stderr.length < 1 << 16) stderr += b;
      });
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, CLI_TIMEOUT_MS);
      child.stdin.on('error', () => {});
      child.stdin.end(stdin);
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal: timedOut ? null : signal, stderr, timedOut, ms: performance.now() - t0 });
      });
    });
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(cli)) {
    process.stderr.write('fuzz: apps/lab/dist is missing; run `npm run build` first\n');
    process.exit(2);
  }
  const budgetMs = o.budget * 1000;
  process.stdout.write(`fuzz: seed ${o.seed}, budget ${o.budget} s (repeat with --seed ${o.seed})\n`);
  const rows = await apiPhase(o.seed, o.cli ? budgetMs * 0.6 : budgetMs);
  if (o.cli) {
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-fuzz-'));
    try {
      rows.push(
        ...(await fuzzCli({
          invoke: spawnInvoke(dir),
          corpus: loadCorpus(root),
          seed: o.seed,
          budgetMs: budgetMs * 0.4,
        })),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const failed = rows.filter((r) => r.failure);
  if (failed.length > 0) {
    const out = o.out ?? mkdtempSync(join(tmpdir(), 'ftkit-fuzz-failures-'));
    mkdirSync(out, { recursive: true });
    for (const r of failed) {
      const base = join(out, r.area.replace(/\W+/g, '-'));
      if (typeof r.failure.input === 'string') writeFileSync(`${base}.input`, r.failure.input);
      writeFileSync(`${base}.txt`, `${r.failure.args ?? ''}\n${r.failure.error}\n`);
    }
    process.stdout.write(`failing inputs written to ${out}\n`);
  }
  process.stdout.write(summary(rows));
  process.exitCode = failed.length > 0 ? 1 : 0;
}
