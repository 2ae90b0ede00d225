// Benchmark: how long after a one-character edit the diagnostics of a 1,000-resource drbd.conf
// arrive, end to end through the BUILT server (node_modules/.bin/ftkit-language-server) over
// stdio, as an editor sees it. Prints the median, p95 and maximum of RUNS edits (milliseconds).
// Run after `npx turbo run build --filter=@ftkit/language-server`:
//   node packages/language-server/bench/edit-latency.mjs [resources] [runs]
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const RESOURCES = Number(process.argv[2] ?? 1000);
const RUNS = Number(process.argv[3] ?? 30);
const root = resolve(import.meta.dirname, '../../..');

/**
 * A DRBD 9 drbd.conf with `n` two-node resources, each with its own minor, disk and port, and a
 * `common` section as production files have one (so the file lints clean, as a kept file does).
 */
function bigConfig(n) {
  let text = `global {
  usage-count no;
}
common {
  handlers {
    split-brain "/usr/lib/drbd/notify-split-brain.sh root";
  }
  net {
    protocol C;
    verify-alg sha256;
  }
}
`;
  for (let i = 0; i < n; i++) {
    text += `resource r${i} {
  device /dev/drbd${i};
  disk /dev/vg0/r${i};
  meta-disk internal;
  on alice {
    node-id 0;
    address 10.1.1.31:${7000 + i};
  }
  on bob {
    node-id 1;
    address 10.1.1.32:${7000 + i};
  }
}
`;
  }
  return text;
}

const dir = mkdtempSync(join(tmpdir(), 'ftkit-lsp-bench-'));
const file = join(dir, 'drbd.conf');
const text = bigConfig(RESOURCES);
writeFileSync(file, text);
const uri = pathToFileURL(file).href;

const child = spawn(join(root, 'node_modules/.bin/ftkit-language-server'), ['--stdio'], { stdio: 'pipe' });
child.stderr.pipe(process.stderr);
const connection = createProtocolConnection(
  new StreamMessageReader(child.stdout),
  new StreamMessageWriter(child.stdin),
);
const waiting = new Map();
connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
  if (p.uri !== uri) return;
  waiting.get(p.version)?.(p);
  waiting.delete(p.version);
});
connection.listen();
const published = (version) => new Promise((res) => waiting.set(version, res));

await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(dir).href,
  capabilities: {},
});
await connection.sendNotification('initialized', {});
let t0 = performance.now();
const first = published(1);
await connection.sendNotification('textDocument/didOpen', {
  textDocument: { uri, languageId: 'drbd-conf', version: 1, text },
});
const opened = await first;
const openMs = performance.now() - t0;

// The edit: the last digit of a port in the middle of the file, typed over (one character).
const line = text.split('\n').findIndex((l) => l.includes(`:${7000 + Math.floor(RESOURCES / 2)};`));
const character = text.split('\n')[line].indexOf(';') - 1;
const times = [];
for (let run = 0; run < RUNS; run++) {
  const version = run + 2;
  const p = published(version);
  t0 = performance.now();
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [
      {
        range: { start: { line, character }, end: { line, character: character + 1 } },
        text: String(run % 10),
      },
    ],
  });
  await p;
  times.push(performance.now() - t0);
  // Wait out the server's quiet period so every edit is a fresh one, as when a user types once.
  await new Promise((r) => setTimeout(r, 200));
}
times.sort((a, b) => a - b);
const q = (f) => times[Math.min(times.length - 1, Math.floor(f * times.length))].toFixed(1);
console.log(
  `${RESOURCES} resources, ${text.length} bytes: open ${openMs.toFixed(0)} ms (${opened.diagnostics.length} diagnostics); one-character edit → diagnostics: min ${times[0].toFixed(1)} ms, median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${times.at(-1).toFixed(1)} ms over ${RUNS} edits`,
);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
