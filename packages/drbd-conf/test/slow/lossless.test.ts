import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { parse, parseCst, print } from '../../src/index.js';

const dir = join(import.meta.dirname, '../fixtures/corpus');
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.res'))
  .map((f) => readFileSync(join(dir, f), 'utf8'));

describe('lossless and crash-free, 10^5 runs each (nightly)', () => {
  it('arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(print(parseCst(s))).toBe(s);
        expect(parse(s).diagnostics.some((d) => d.code === 'drbd/internal')).toBe(false);
      }),
      { numRuns: 100_000 },
    );
  });
  it('mutated real configs, both versions', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...corpus),
        fc.nat(),
        fc.nat({ max: 30 }),
        fc.string({ maxLength: 8 }),
        fc.boolean(),
        (text, at, del, ins, nine) => {
          const i = at % (text.length + 1);
          const s = text.slice(0, i) + ins + text.slice(i + del);
          expect(print(parseCst(s))).toBe(s);
          expect(
            parse(s, { drbdVersion: nine ? '9' : '8.4' }).diagnostics.some((d) => d.code === 'drbd/internal'),
          ).toBe(false);
        },
      ),
      { numRuns: 100_000 },
    );
  });
});
