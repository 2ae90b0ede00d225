import { parseBorgVersion } from '@ftkit/borg-json';
import { runParser } from '@ftkit/core/parsimmon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intervalGrammar, parseInterval } from '../src/prune/plan.js';

// The code the grammar replaced, kept as the differential oracle: every string must give the
// same milliseconds or the same error message as before.
function oldParseInterval(text: string, v2b15: boolean): number {
  const m = /^(\d+)([HdwmyMS])$/.exec(text);
  const units: Record<string, number> = { H: 3600, d: 86400, w: 7 * 86400, m: 31 * 86400, y: 365 * 86400 };
  if (v2b15) Object.assign(units, { M: 60, S: 1 });
  if (!m || units[m[2]!] === undefined) {
    throw new Error(
      `Invalid interval \`${text}\`: expected a number and one of ${Object.keys(units).join(', ')}`,
    );
  }
  const n = Number(m[1]);
  if (n <= 0) throw new Error(`Invalid interval \`${text}\`: expected a positive number`);
  return n * units[m[2]!]! * 1000;
}
const outcome = (f: () => number) => {
  try {
    return { ms: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

const intervalText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789HdwmyMSx +-\n'.split('')), maxLength: 8 }),
  fc.string({ maxLength: 8 }),
  fc.tuple(fc.nat(400), fc.constantFrom(...'HdwmyMSsD'.split(''))).map(([n, u]) => `${n}${u}`),
);

describe('--keep-within intervals (parsimmon grammar)', () => {
  it('reads the number and the unit with their offsets', () => {
    expect(runParser(intervalGrammar, '45d')).toEqual({
      ok: true,
      value: { number: { value: '45', start: 0, end: 2 }, unit: { value: 'd', start: 2, end: 3 } },
    });
    expect(runParser(intervalGrammar, '45').ok).toBe(false);
    expect(runParser(intervalGrammar, 'd').ok).toBe(false);
    expect(runParser(intervalGrammar, '4 5d').ok).toBe(false);
  });

  it('gives the milliseconds and messages it gave before, for every version', () => {
    const versions = [
      [parseBorgVersion('1.2')!, false],
      [parseBorgVersion('2.0.0b14')!, false],
      [parseBorgVersion('2.0.0b15')!, true],
    ] as const;
    expect(parseInterval('2w', versions[0][0])).toBe(14 * 86_400_000);
    expect(() => parseInterval('7M', versions[0][0])).toThrow(
      'Invalid interval `7M`: expected a number and one of H, d, w, m, y',
    );
    expect(parseInterval('7M', versions[2][0])).toBe(7 * 60_000);
    expect(() => parseInterval('0d', versions[0][0])).toThrow(
      'Invalid interval `0d`: expected a positive number',
    );
    fc.assert(
      fc.property(intervalText, fc.constantFrom(...versions), (t, [v, b15]) => {
        expect(outcome(() => parseInterval(t, v))).toEqual(outcome(() => oldParseInterval(t, b15)));
      }),
      { numRuns: 5000 },
    );
  });
});
