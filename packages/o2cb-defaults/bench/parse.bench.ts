import { readFileSync } from 'node:fs';
import { applyEdits } from '@ftkit/core';
import { test } from 'vitest';
import { edit, emit, lint, parse } from '../src/index.js';

const DEBIAN = readFileSync(
  new URL('../test/fixtures/debian-postinst-default.o2cb', import.meta.url),
  'utf8',
);
// 10,000 lines: the Debian file repeated (comments, blanks, assignments) plus quoted variants.
const parts: string[] = [];
while (parts.join('').split('\n').length < 10_000)
  parts.push(DEBIAN, `export O2CB_STACK='pcmk' # user stack\n`);
const BIG = parts.join('').split('\n').slice(0, 10_000).join('\n');
const model = parse(DEBIAN).model;

// vitest 5 benchmarks are test-context fixtures: `bench(name, fn)` registers, `bench.compare` runs.
test('o2cb-defaults, Debian file (25 lines)', async ({ bench }) => {
  await bench.compare(
    bench('parse', () => {
      parse(DEBIAN);
    }),
    bench('lint (all rules)', () => {
      lint(DEBIAN, { settings: { clusterNames: ['ocfs2'] } });
    }),
    bench('emit (Debian form)', () => {
      emit(model);
    }),
    bench('edit.set + applyEdits', () => {
      applyEdits(DEBIAN, edit.set(DEBIAN, 'O2CB_HEARTBEAT_THRESHOLD', '61'));
    }),
  );
});

test('o2cb-defaults, 10,000 lines', async ({ bench }) => {
  await bench.compare(
    bench('parse', () => {
      parse(BIG);
    }),
    bench('lint (all rules)', () => {
      lint(BIG);
    }),
  );
});
