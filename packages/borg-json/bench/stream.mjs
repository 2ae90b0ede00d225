// Whole-process throughput and memory of the --json-lines item stream (run: npm run bench:stream).
// Needs a build (`npm run build`): it imports dist/ so it measures what users get.
// Each mode runs in its own child process so its peak RSS is its own. Throughput is measured in
// CPU time (user+system) of the reading process: on a shared machine wall time mostly measures
// the neighbours.
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const N = Number(process.env.ITEMS ?? 1_000_000);
const file = join(tmpdir(), `ftkit-borg-items-${N}.jsonl`);
const self = fileURLToPath(import.meta.url);
const mode = process.argv[2];

async function generate() {
  if (existsSync(file)) return;
  const out = createWriteStream(file);
  for (let i = 0; i < N; i++) {
    const dir = `home/user/project-${i % 97}/src/module-${i % 13}`;
    const line =
      i % 10 === 0
        ? `{"type": "d", "mode": "drwxr-xr-x", "user": "user", "group": "user", "uid": 1000, "gid": 1000, "path": "${dir}", "healthy": true, "source": "", "linktarget": "", "flags": 0, "mtime": "2024-05-06T09:08:09.123457", "size": 0}\n`
        : `{"type": "-", "mode": "-rw-r--r--", "user": "user", "group": "user", "uid": 1000, "gid": 1000, "path": "${dir}/file-${i}-\\u00fcn\\u00efc\\u00f8d\\u00e9.txt", "healthy": true, "source": "", "linktarget": "", "flags": 0, "mtime": "2024-05-06T09:08:09.123457", "size": ${(i * 7919) % 1000003}}\n`;
    if (!out.write(line)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

async function child(which) {
  const stream = createReadStream(file, { highWaterMark: 1 << 18 });
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  let count = 0;
  if (which === 'bare') {
    // The baseline: chunked decode, split on newlines, JSON.parse each line, nothing else.
    const dec = new TextDecoder();
    let rest = '';
    for await (const chunk of stream) {
      const s = rest + dec.decode(chunk, { stream: true });
      let start = 0;
      let nl = s.indexOf('\n');
      while (nl !== -1) {
        JSON.parse(s.slice(start, nl));
        count++;
        start = nl + 1;
        nl = s.indexOf('\n', start);
      }
      rest = s.slice(start);
    }
  } else {
    const { readItems } = await import('../dist/items.js');
    const reader = readItems(stream, { onBadLine: 'continue' });
    if (which === 'batches') {
      for await (const batch of reader.batches()) count += batch.length;
    } else {
      for await (const _item of reader) count++;
    }
    if (reader.diagnostics.length)
      throw new Error(`unexpected diagnostics: ${reader.diagnostics[0].message}`);
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  process.stdout.write(
    JSON.stringify({ which, count, seconds: cpu, wall, maxRssMB: process.resourceUsage().maxRSS / 1024 }),
  );
}

if (mode) {
  await child(mode);
} else {
  await generate();
  const bytes = statSync(file).size;
  const rounds = Number(process.env.ROUNDS ?? 3);
  const results = {};
  for (let r = 0; r < rounds; r++) {
    for (const which of ['bare', 'batches', 'items']) {
      const out = spawnSync(process.execPath, [self, which], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(out.stderr);
      const res = JSON.parse(out.stdout);
      results[which] = [...(results[which] ?? []), res];
    }
    const py = execFileSync(
      'python3',
      [
        '-c',
        'import json,sys,time,resource\nt=time.process_time();n=0\nfor line in open(sys.argv[1],"rb"):\n    json.loads(line); n+=1\nprint(time.process_time()-t, n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)',
        file,
      ],
      { encoding: 'utf8' },
    )
      .trim()
      .split(' ');
    results.python = [
      ...(results.python ?? []),
      {
        which: 'python',
        count: Number(py[1]),
        seconds: Number(py[0]),
        maxRssMB: Number(py[2]),
      },
    ];
  }
  const best = (w) => results[w].reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const bare = best('bare');
  console.log(
    `${N} items, ${(bytes / 1e6).toFixed(0)} MB, best of ${rounds} rounds, node ${process.version}; MB/s per CPU second (user+system) of the reading process`,
  );
  console.log('| reader | MB/s | vs bare JSON.parse loop | peak RSS |');
  console.log('| --- | --- | --- | --- |');
  for (const w of ['bare', 'batches', 'items', 'python']) {
    const b = best(w);
    if (b.count !== N) throw new Error(`${w} read ${b.count} items, expected ${N}`);
    console.log(
      `| ${w} | ${(bytes / 1e6 / b.seconds).toFixed(0)} | ${(bare.seconds / b.seconds).toFixed(2)}× | ${b.maxRssMB.toFixed(0)} MB |`,
    );
  }
}
