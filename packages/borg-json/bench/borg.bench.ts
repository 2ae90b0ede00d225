import { test } from 'vitest';
import { emit, parse } from '../src/documents/parse.js';
import { emitLine, readItems } from '../src/stream/items.js';
import { fixture } from '../test/helpers.js';

const line =
  '{"type": "-", "mode": "-rw-r--r--", "user": "user", "group": "user", "uid": 1000, "gid": 1000, "path": "home/user/project/src/file-\\u00fcn\\u00efc\\u00f8d\\u00e9.txt", "healthy": true, "source": "", "linktarget": "", "flags": 0, "mtime": "2024-05-06T09:08:09.123457", "size": 123456}\n';
const chunk = line.repeat(1000);
const chunks = Array.from({ length: 20 }, () => chunk); // 20,000 items, ~5 MB

// vitest 5 benchmarks are test-context fixtures: `bench(name, fn)` registers, `bench.compare` runs.
test('--json-lines, 20,000 items (in memory, no I/O)', { timeout: 300_000 }, async ({ bench }) => {
  await bench.compare(
    bench('bare chunked JSON.parse loop (baseline)', () => {
      let rest = '';
      for (const c of chunks) {
        const s = rest + c;
        let start = 0;
        let nl = s.indexOf('\n');
        while (nl !== -1) {
          JSON.parse(s.slice(start, nl));
          start = nl + 1;
          nl = s.indexOf('\n', start);
        }
        rest = s.slice(start);
      }
    }),
    bench('readItems().batches() (typed, checked)', async () => {
      for await (const _b of readItems(chunks).batches()) {
        // consume
      }
    }),
    bench('for await (const item of readItems())', async () => {
      for await (const _i of readItems(chunks)) {
        // consume
      }
    }),
  );
});

const doc = fixture('1.2/prune/archives.json');
const model = parse(doc).model!;
const item = JSON.parse(line);
test('documents', { timeout: 300_000 }, async ({ bench }) => {
  await bench.compare(
    bench('parse(list --json, 191 archives)', () => {
      parse(doc);
    }),
    bench('emit(same)', () => {
      emit(model);
    }),
    bench('emitLine(item)', () => {
      emitLine(item);
    }),
  );
});
