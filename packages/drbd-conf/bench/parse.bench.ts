import { test } from 'vitest';
import { lex } from '../src/cst/lexer.js';
import { dump, parse, parseCst, print } from '../src/index.js';
import { generateConfig } from './generate.js';

// 10,000 resources (2.76 MB; the issue speaks of ~4 MB). drbdadm-84 gives up above ~450 resources.
const text = generateConfig(10_000);
const mb = text.length / 1e6;
const model = parse(text).model;

// vitest 5 benchmarks are test-context fixtures: `bench(name, fn)` registers, `bench.compare` runs.
// This runs `src/` through vitest's module runner, whose export getters cost time on every call
// across modules; `node bench/inproc.mjs` on `dist/` gives the numbers docs/performance.md quotes.
test(`drbd.conf, 10,000 resources (${mb.toFixed(2)} MB)`, async ({ bench }) => {
  await bench.compare(
    bench('lex', () => {
      lex(text);
    }),
    bench('parseCst (lossless)', () => {
      parseCst(text);
    }),
    bench('parseCst + print', () => {
      print(parseCst(text));
    }),
    bench('parse (CST + model + checks)', () => {
      parse(text);
    }),
    bench('dump', () => {
      dump(model, { host: 'alice' });
    }),
    bench('dump of the text (parse + dump, what `ftkit drbd dump` runs)', () => {
      dump(text, { host: 'alice' });
    }),
    { time: 2000 },
  );
}, 300_000);
