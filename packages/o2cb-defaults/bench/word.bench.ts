import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { readWord } from '../src/cst/word.js';
import { parse } from '../src/index.js';
import { oldReadWord } from '../test/old-read-word.js';

// The value word grammar (parsimmon, src/cst/word.ts) against the loop it replaced, per value
// and end to end (parse of the Debian file). docs/performance.md quotes the numbers.
const DEBIAN = readFileSync(
  new URL('../test/fixtures/debian-postinst-default.o2cb', import.meta.url),
  'utf8',
);
const values = ['ocfs2', "'pcmk'", '"31"', 'true', "a'b c'\\ d", '"x$y"'];

test('6 values, and parse of the Debian file (25 lines)', async ({ bench }) => {
  await bench.compare(
    bench('6 values: hand-written loop (before)', () => {
      for (const v of values) oldReadWord(v, 0, 0);
    }),
    bench('6 values: parsimmon grammar', () => {
      for (const v of values) readWord(v, 0, 0);
    }),
    bench('end to end: parse(Debian file)', () => {
      parse(DEBIAN);
    }),
    { time: 1500 },
  );
}, 120_000);
