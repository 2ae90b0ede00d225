import { fc, test } from '@fast-check/vitest';
import { MAX_DIAGNOSTICS } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { bestCpuMs, cpuGrowth } from '../../../test-support/timing.js';
import { format, lint, parse, parseCst, print } from '../src/index.js';
import { fileArb, fixture } from './helpers.js';

describe('lossless round trip', () => {
  it('prints the fixture unchanged', () => {
    expect(print(parseCst(fixture()))).toBe(fixture());
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 300 })], { numRuns: 500 })('arbitrary strings', (s) => {
    expect(print(parseCst(s))).toBe(s);
    expect(() => lint(s, { fix: true })).not.toThrow();
    expect(() => format(s)).not.toThrow();
  });

  test.prop([fileArb], { numRuns: 300 })('generated fstabs', (s) => {
    expect(print(parseCst(s))).toBe(s);
    for (const d of lint(s, { settings: { heartbeatMode: 'local' } }).diagnostics) {
      expect(d.message).not.toMatch(/\.$/);
      expect(d.span.end).toBeLessThanOrEqual(s.length);
    }
  });

  const mutation = fc.record({
    at: fc.nat(),
    del: fc.nat({ max: 30 }),
    insert: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
  });
  test.prop([mutation], { numRuns: 300 })('mutated fixture', ({ at, del, insert }) => {
    const text = fixture();
    const i = at % (text.length + 1);
    const s = text.slice(0, i) + insert + text.slice(i + del);
    expect(print(parseCst(s))).toBe(s);
    expect(() => lint(s, { fix: true })).not.toThrow();
  });

  it('covers every character with exactly one line node and fields in order', () => {
    const text = 'a b c\r\n\n  # c\n x\t y \\040 z 0 0 extra';
    const { lines } = parseCst(text);
    let pos = 0;
    for (const l of lines) {
      expect(l.start).toBe(pos);
      if (l.type === 'entry') for (const f of l.fields) expect(text.slice(f.start, f.end)).toBe(f.raw);
      pos = l.end + l.newline.length;
    }
    expect(pos).toBe(text.length);
  });

  it('gives 1 MB of garbage diagnostics in under a second of CPU', () => {
    const rnd = fc.sample(fc.string({ unit: 'binary', minLength: 1000, maxLength: 1000 }), {
      numRuns: 1050,
      seed: 3,
    });
    const garbage = rnd.join('\n').slice(0, 1_000_000);
    expect(lint(garbage).diagnostics.length).toBeGreaterThan(0);
    expect(bestCpuMs(() => lint(garbage))).toBeLessThan(1000);
  });

  it('lints 40,000 duplicates in linear time (no quadratic work per finding)', () => {
    const text = (n: number) => '/dev/mapper/a /srv/a xfs defaults 0 0\n'.repeat(n);
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

  it('parses a 10,000-line fstab in under a second of CPU', () => {
    const line = 'UUID=77d95ef5-1c01-49d2-8236-74fcc162cf8b /srv/x ocfs2 _netdev,noatime 0 0\n';
    const text = line.repeat(10_000);
    const r = parse(text);
    expect(bestCpuMs(() => parse(text))).toBeLessThan(1000);
    expect(r.model.entries).toHaveLength(10_000);
  });
});

describe('pathological option lists', () => {
  // Linear work per option: 120,000 options (40,000 of them `datavolume` findings on ocfs2) take
  // well under a second alone; quadratic work took minutes. The bound leaves room for a loaded CI
  // machine running every package's tests at once.
  it.each(['ext4', 'ocfs2'])(
    'lints a 1 MB %s line of options in linear time',
    (fs) => {
      const opts = Array.from({ length: 120_000 }, (_, i) =>
        i % 3 === 0 ? 'datavolume' : i % 3 === 1 ? `zz${i}` : 'ro',
      ).join(',');
      const text = `/dev/a /a ${fs} ${opts} 0 0\n`;
      const t0 = performance.now();
      const d = lint(text).diagnostics;
      expect(performance.now() - t0).toBeLessThan(15_000);
      expect(d.length).toBeLessThan(40_300);
      expect(d.some((x) => /more unknown options/.test(x.message))).toBe(true);
    },
    30_000,
  );
});
