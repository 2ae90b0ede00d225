import { fc, test } from '@fast-check/vitest';
import { MAX_DIAGNOSTICS } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { bestCpuMs, cpuGrowth } from '../../../test-support/timing.js';
import { lint, parse, parseCst, print } from '../src/index.js';
import { fileArb, fixtures } from './helpers.js';

describe('lossless round trip', () => {
  it.each(fixtures())('print(parseCst(x)) === x for %s', (_name, text) => {
    expect(print(parseCst(text))).toBe(text);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 300 })], { numRuns: 500 })('arbitrary strings', (s) => {
    expect(print(parseCst(s))).toBe(s);
    expect(() => lint(s)).not.toThrow();
  });

  test.prop([fileArb], { numRuns: 300 })('generated shell files', (s) => {
    expect(print(parseCst(s))).toBe(s);
    const r = lint(s, { settings: { clusterNames: ['a'], debian: true } });
    for (const d of r.diagnostics) {
      expect(d.message).not.toMatch(/\.$/);
      expect(d.span.end).toBeGreaterThanOrEqual(d.span.start);
      expect(d.span.end).toBeLessThanOrEqual(s.length);
    }
  });

  const mutation = fc.record({
    fixture: fc.nat(),
    at: fc.nat(),
    del: fc.nat({ max: 20 }),
    insert: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
  });
  test.prop([mutation], { numRuns: 300 })('mutated fixtures', ({ fixture, at, del, insert }) => {
    const all = fixtures();
    const [, text] = all[fixture % all.length]!;
    const i = at % (text.length + 1);
    const s = text.slice(0, i) + insert + text.slice(i + del);
    expect(print(parseCst(s))).toBe(s);
    expect(() => lint(s, { fix: true })).not.toThrow();
  });

  it('covers every character with exactly one line node', () => {
    const text = 'A=1\r\n\n# c\nB = 2\nexport C="x y" # z\n`rm`\nD=$(x)';
    const { lines } = parseCst(text);
    let pos = 0;
    for (const l of lines) {
      expect(l.start).toBe(pos);
      pos = l.end + l.newline.length;
    }
    expect(pos).toBe(text.length);
    expect(lines.map((l) => l.type)).toEqual([
      'assignment',
      'blank',
      'comment',
      'recovery',
      'assignment',
      'recovery',
      'recovery',
    ]);
  });

  it('gives 1 MB of garbage diagnostics in under a second of CPU', () => {
    const rnd = fc.sample(fc.string({ unit: 'binary', minLength: 1000, maxLength: 1000 }), {
      numRuns: 1050,
      seed: 42,
    });
    const garbage = rnd.join('\n').slice(0, 1_000_000);
    expect(lint(garbage).diagnostics.length).toBeGreaterThan(0);
    expect(bestCpuMs(() => lint(garbage))).toBeLessThan(1000);
  });

  it('lints 40,000 duplicates in linear time (no quadratic work per finding)', () => {
    const text = (n: number) => 'O2CB_HEARTBEAT_THRESHOLD=31\n'.repeat(n);
    // 39,999 findings: the first MAX_DIAGNOSTICS are listed, one more counts the rest.
    const found = lint(text(40_000)).diagnostics;
    expect(found).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(found.at(-1)!.message).toBe(
      `Too many problems: ${40_000 - 1 - MAX_DIAGNOSTICS} more after the first ${MAX_DIAGNOSTICS} are not listed`,
    );
    const { small, big } = cpuGrowth((n) => lint(text(n)), 5_000, 40_000);
    // 8x the input: about 8x the CPU time when linear, 64x when quadratic.
    expect(big / small).toBeLessThan(24);
    expect(big).toBeLessThan(10_000);
  });

  it('handles a 1 MB single line and deep quoting without hanging', () => {
    const line = `O2CB_BOOTCLUSTER=${'"a'.repeat(250_001)}`;
    const r = parse(line);
    expect(bestCpuMs(() => parse(line))).toBeLessThan(1000);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['o2cb/shell-syntax']);
  });
});
