import { test } from 'vitest';
import { planPrune } from '../src/prune/plan.js';

const archives = Array.from({ length: 100_000 }, (_, i) => ({
  name: `x${i}`,
  time: Date.parse('2020-01-01T00:00:00Z') + i * 997_000,
}));
const policy = {
  keepWithin: '2d',
  keepLast: 5,
  keepMinutely: 30,
  keepHourly: 48,
  keepDaily: 60,
  keepWeekly: 52,
  keepMonthly: 36,
  keepYearly: 10,
};
test('planPrune, 100,000 archives', { timeout: 300_000 }, async ({ bench }) => {
  await bench.compare(
    bench('classic (1.4.5), full policy, Europe/Berlin', () => {
      planPrune(archives, policy, {
        borgVersion: '1.4.5',
        timeZone: 'Europe/Berlin',
        now: Date.parse('2023-03-01T00:00:00Z'),
      });
    }),
    bench('classic (1.4.5), full policy, UTC', () => {
      planPrune(archives, policy, {
        borgVersion: '1.4.5',
        timeZone: 'UTC',
        now: Date.parse('2023-03-01T00:00:00Z'),
      });
    }),
  );
});
