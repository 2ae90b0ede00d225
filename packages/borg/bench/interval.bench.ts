import { parseBorgVersion } from '@ftkit/borg-json';
import { test } from 'vitest';
import { parseInterval, planPrune } from '../src/prune/plan.js';

// The `--keep-within` interval grammar (parsimmon, prune/plan.ts) against the regexp it
// replaced, per interval and end to end: planPrune reads its policy's interval once per plan.
// docs/performance.md quotes the numbers.
function oldInterval(text: string): number {
  const m = /^(\d+)([HdwmyMS])$/.exec(text);
  const units: Record<string, number> = { H: 3600, d: 86400, w: 7 * 86400, m: 31 * 86400, y: 365 * 86400 };
  if (!m || units[m[2]!] === undefined) throw new Error(`Invalid interval \`${text}\``);
  return Number(m[1]) * units[m[2]!]! * 1000;
}
const v14 = parseBorgVersion('1.4.5')!;
const intervals = ['2d', '12H', '4w', '6m', '1y', '45d', '90d', '3w'];
const archives = Array.from({ length: 1000 }, (_, i) => ({
  name: `host-${i}`,
  time: Date.parse('2026-01-01T00:00:00Z') + i * 21_600_000,
}));
const now = Date.parse('2026-09-01T00:00:00Z');

test('8 intervals, and planPrune of 1,000 archives with --keep-within', async ({ bench }) => {
  await bench.compare(
    bench('8 intervals: regexp (before)', () => {
      for (const t of intervals) oldInterval(t);
    }),
    bench('8 intervals: parsimmon grammar', () => {
      for (const t of intervals) parseInterval(t, v14);
    }),
    bench('end to end: planPrune, 1,000 archives, keepWithin 30d + keepDaily 7', () => {
      planPrune(
        archives,
        { keepWithin: '30d', keepDaily: 7 },
        { borgVersion: '1.4.5', timeZone: 'UTC', now },
      );
    }),
    { time: 2000 },
  );
}, 120_000);
