import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { checkFormat, loadCorpus, PROTO_NAMES } from '../../../scripts/fuzz-lib.mjs';
import { formats } from '../src/index.js';

// Issue 13 item 7: names such as `constructor`, `toString` or `__proto__` in any place of any
// format must stay plain data. Every word slot of the fixtures gets each name; checkFormat runs
// parse, parseCst/print, lint, emit and format and fails on a throw, a crashed rule, a broken
// diagnostic or a changed Object.prototype.
const corpus = loadCorpus(join(import.meta.dirname, '../../..'), 8 * 1024);
const WORD = /[A-Za-z_][\w-]*/g;

/** The fixtures of a format, smallest first (the slot-by-slot pass takes the first few). */
const texts = (name: string) => [...(corpus.get(name) ?? [])].sort((a, b) => a.length - b.length);

describe.each(formats.map((f) => [f.name, f] as const))('%s: prototype names in every slot', (name, f) => {
  it('every word of a fixture replaced by each name at once', () => {
    const list = texts(name).slice(0, 12);
    expect(list.length).toBeGreaterThan(0);
    for (const text of list)
      for (const p of PROTO_NAMES) {
        const all = text.replace(WORD, p);
        expect(() => checkFormat(f, all), `${p} in ${JSON.stringify(all.slice(0, 80))}`).not.toThrow();
      }
  });

  it('each word slot of the smallest fixtures, one at a time, with every name', () => {
    for (const text of texts(name).slice(0, 2)) {
      const slots = [...text.matchAll(WORD)].slice(0, 120);
      for (const [k, w] of slots.entries()) {
        const p = PROTO_NAMES[k % PROTO_NAMES.length]!;
        const one = text.slice(0, w.index) + p + text.slice(w.index + w[0].length);
        expect(() => checkFormat(f, one), `${p} for \`${w[0]}\``).not.toThrow();
      }
    }
  });

  test.prop(
    [
      fc.constantFrom(...texts(name).slice(0, 30)),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...PROTO_NAMES)), { minLength: 1, maxLength: 6 }),
    ],
    { numRuns: 60 },
  )('random slots of any fixture', (text, picks) => {
    const slots = [...text.matchAll(WORD)];
    let out = text;
    for (const [i, p] of picks
      .map(([n, p]) => [n % Math.max(1, slots.length), p] as const)
      .sort((a, b) => b[0] - a[0])) {
      const w = slots[i];
      if (w) out = out.slice(0, w.index) + p + out.slice(w.index + w[0].length);
    }
    checkFormat(f, out);
  });
});
