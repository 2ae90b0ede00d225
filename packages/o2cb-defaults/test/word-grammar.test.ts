import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fail, readWord } from '../src/cst/word.js';
import { oldReadWord } from './old-read-word.js';

const plain = (w: ReturnType<typeof readWord>) =>
  w instanceof Fail ? { kind: w.kind, reason: w.reason, problem: w.problem, fatal: w.fatal } : w;

// Lines built from the characters that matter to sh words, plus anything at all.
const line = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'ab:~#\'"\\$`;&|<>() \t'.split('')), maxLength: 14 }),
  fc.string({ maxLength: 14 }),
);

describe('the shell word of a value (parsimmon grammar)', () => {
  it('reads quotes, escapes and problems with their spans', () => {
    expect(readWord(`'a b'"c\\$d"e\\ f g`, 0, 10)).toEqual({ value: 'a bc$de f', quoting: 'mixed', end: 15 });
    expect(readWord('"x', 0, 10)).toEqual(
      new Fail('syntax', 'Unterminated double quote', { start: 10, end: 12 }),
    );
    expect(readWord('a:~b', 0, 0)).toEqual(
      new Fail('nonliteral', 'Unexpected `~` in a value; the shell expands it to a home directory', {
        start: 2,
        end: 3,
      }),
    );
    expect(readWord('a(b)', 0, 0)).toEqual(
      new Fail('syntax', 'Unexpected `(`: a shell syntax error', { start: 1, end: 2 }, true),
    );
  });

  it('reads every line exactly as the replaced loop did', () => {
    fc.assert(
      fc.property(line, fc.nat(3), fc.nat(100), (raw, at, base) => {
        const i = Math.min(at, raw.length);
        expect(plain(readWord(raw, i, base))).toEqual(plain(oldReadWord(raw, i, base)));
      }),
      { numRuns: 20_000 },
    );
  });
});
