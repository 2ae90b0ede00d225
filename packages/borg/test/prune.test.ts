import { FtkitError } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { formatPruneLines, type PruneArchive, planPrune } from '../src/prune/plan.js';
import { renderPruneSvg } from '../src/prune/svg.js';

const day = 86_400_000;
const daily = (n: number, end = Date.parse('2026-06-30T10:00:00Z')): PruneArchive[] =>
  Array.from({ length: n }, (_, i) => ({
    name: `a${i}`,
    id: String(i).padStart(64, '0'),
    time: end - (n - 1 - i) * day,
  }));
const summary = (p: ReturnType<typeof planPrune>) =>
  p.decisions
    .filter((d) => d.keep)
    .map((d) => `${d.name}:${d.rule}${d.oldest ? '[oldest]' : ''}#${d.number}`);

describe('planPrune (classic)', () => {
  it('keeps the newest per period and the oldest when short', () => {
    const p = planPrune(daily(5), { keepDaily: 2, keepMonthly: 3 }, { borgVersion: '1.4', timeZone: 'UTC' });
    expect(summary(p)).toEqual(['a4:daily#1', 'a3:daily#2', 'a0:monthly[oldest]#1']);
  });
  it('keeps the newest checkpoint only when it is the newest archive', () => {
    const list = [...daily(3), { name: 'a3.checkpoint', id: 'c', time: Date.parse('2026-07-01T10:00:00Z') }];
    const p = planPrune(list, { keepDaily: 1 }, { borgVersion: '1.2' });
    expect(p.decisions.map((d) => `${d.name}:${d.keep}`)).toEqual([
      'a3.checkpoint:true',
      'a2:true',
      'a1:false',
      'a0:false',
    ]);
    expect(formatPruneLines(p)[0]).toMatch(/^Keeping checkpoint archive: {14}a3\.checkpoint/);
    const b10 = planPrune(list, { keepDaily: 1 }, { borgVersion: '2.0.0b12' });
    expect(b10.decisions[0]).toMatchObject({ name: 'a3.checkpoint', rule: 'daily', number: 1 });
  });
  it('refuses what the version does not have', () => {
    expect(() => planPrune([], { keep13weekly: 1 }, { borgVersion: '1.4.0' })).toThrow(
      expect.objectContaining({
        name: 'FtkitError',
        code: 'borg/unknown-option',
        path: ['policy', 'keep13weekly'],
      }),
    );
    expect(() => planPrune([], { keepDaily: 1 }, { timeZone: 'Mars/Olympus' })).toThrow(FtkitError);
    expect(() => planPrune([], { keepWithin: '3x' })).toThrow(
      expect.objectContaining({ code: 'borg/invalid-interval', path: ['policy', 'keepWithin'] }),
    );
    expect(() => planPrune([], { keepLast: 1.5 })).toThrow(
      expect.objectContaining({ code: 'borg/invalid-keep', path: ['policy', 'keepLast'] }),
    );
    expect(
      summary(planPrune(daily(200), { keep13weekly: 2, keep3monthly: 1 }, { borgVersion: '1.4.1' })),
      // 2026-06-28 is the Sunday of ISO week 26 (Q2); 2026-03-31 ends calendar Q1.
    ).toEqual(['a199:quarterly_13weekly#1', 'a197:quarterly_13weekly#2', 'a108:quarterly_3monthly#1']);
    expect(() => planPrune([], {}, {})).toThrow(/must be specified/);
    expect(() => planPrune([], { keepWithin: '5x' }, {})).toThrow(/Invalid interval/);
    expect(() => planPrune([], { keepDaily: 1 }, { timeZone: 'Mars/Olympus' })).toThrow(/Unknown time zone/);
  });
  it('pads labels per version and prints 2.0 times with offset', () => {
    const a = daily(1);
    expect(
      formatPruneLines(
        planPrune(a, { keepDaily: 1 }, { borgVersion: '1.2.9', timeZone: 'Europe/Berlin' }),
      )[0],
    ).toBe(
      `Keeping archive (rule: daily #1):            a0                                   Tue, 2026-06-30 12:00:00 [${'0'.repeat(64)}]`,
    );
    expect(
      formatPruneLines(
        planPrune(a, { keepDaily: 1 }, { borgVersion: '2.0.0b12', timeZone: 'Europe/Berlin' }),
      )[0],
    ).toContain('Tue, 2026-06-30 12:00:00 +0200');
  });
  it('plans 100,000 archives with a full policy in a few seconds of CPU', () => {
    const list = Array.from({ length: 100_000 }, (_, i) => ({
      name: `x${i}`,
      time: Date.parse('2020-01-01T00:00:00Z') + i * 997_000,
    }));
    // CPU time, not wall time: the shared CI/dev machine may be busy with other work.
    const t0 = process.cpuUsage();
    const p = planPrune(
      list,
      {
        keepWithin: '2d',
        keepLast: 5,
        keepMinutely: 30,
        keepHourly: 48,
        keepDaily: 60,
        keepWeekly: 52,
        keepMonthly: 36,
        keepYearly: 10,
      },
      { borgVersion: '1.4.5', timeZone: 'Europe/Berlin', now: Date.parse('2023-03-01T00:00:00Z') },
    );
    const used = process.cpuUsage(t0);
    const ms = (used.user + used.system) / 1000;
    expect(p.decisions).toHaveLength(100_000);
    expect(ms).toBeLessThan(3000);
  });
});

describe('planPrune (2.0 b22+ engine)', () => {
  const now = Date.parse('2026-07-01T00:00:00Z');
  it('keeps by count and lets only the coarsest rule keep the oldest', () => {
    const p = planPrune(daily(10), { keepDaily: 3, keepWeekly: 20 }, { borgVersion: '2.0.0b22', now });
    expect(p.engine).toBe('b22');
    // Weeks 27 and 26 were already kept by daily; 2026-06-21 (a0) starts week 25.
    expect(summary(p)).toEqual(['a9:daily#1', 'a8:daily#2', 'a7:daily#3', 'a0:weekly#1']);
    const short = planPrune(daily(2), { keepDaily: 1, keepWeekly: 5 }, { borgVersion: '2.0.0b22', now });
    expect(summary(short)).toEqual(['a1:daily#1', 'a0:weekly[oldest]#1']);
    const notCoarsest = planPrune(
      daily(10),
      { keepDaily: 20, keepWeekly: 1 },
      { borgVersion: '2.0.0b22', now },
    );
    expect(summary(notCoarsest).some((s) => s.includes('[oldest]'))).toBe(false);
  });
  it('supports intervals, `keep`, `from` and validates like borg', () => {
    const p = planPrune(daily(10), { keepDaily: '3d' }, { borgVersion: '2.0.0b22', now });
    expect(summary(p)).toEqual(['a9:daily#1', 'a8:daily#2', 'a7:daily#3']);
    const k = planPrune(daily(4), { keep: 2 }, { borgVersion: '2.0.0b22', now });
    expect(summary(k)).toEqual(['a3:keep#1', 'a2:keep#2']);
    const f = planPrune(
      daily(4),
      { keep: 1, from: '2026-06-29T00:00:00Z' },
      { borgVersion: '2.0.0b22', now },
    );
    expect(summary(f)).toEqual(['a3:skip#1', 'a2:skip#2', 'a1:keep#1']);
    expect(() => planPrune([], { keepDaily: '7d', keepWeekly: '2d' }, { borgVersion: '2.0.0b22' })).toThrow(
      /longer/,
    );
    expect(() => planPrune([], { keepDaily: 'all', keepWeekly: 2 }, { borgVersion: '2.0.0b22' })).toThrow(
      /coarsest/,
    );
    expect(() => planPrune([], { keepDaily: 0 }, { borgVersion: '2.0.0b22' })).toThrow(/zero/);
    expect(() => planPrune([], { keepLast: 1 }, { borgVersion: '2.0.0b22' })).toThrow(/keep-last/);
  });
});

describe('renderPruneSvg', () => {
  it('draws one mark per archive with a title', () => {
    const svg = renderPruneSvg(planPrune(daily(5), { keepDaily: 2 }, {}));
    expect(svg.match(/<circle /g)).toHaveLength(5);
    expect(svg).toContain('<title>a4 2026-06-30T10:00:00.000Z kept: daily #1</title>');
  });
});
