import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarProblem } from '../../src/lab/spec/calendar.js';

// The OnCalendar grammar of the lab's timers agrees with `systemd-analyze calendar` on what it
// accepts: hand-picked expressions (shorthands, weekday lists and ranges, dates with `~`,
// repetitions, fractions, time zones, out-of-range values) and generated ones.

function systemdAccepts(expr: string): boolean {
  const r = spawnSync('systemd-analyze', ['calendar', expr], { encoding: 'utf8' });
  if (r.error) throw new Error('systemd-analyze is not installed (Debian: apt-get install systemd)');
  return r.status === 0;
}

const HAND = [
  'daily',
  'Daily',
  'weekly',
  'monthly',
  'yearly',
  'annually',
  'quarterly',
  'semiannually',
  'minutely',
  'hourly',
  'dailyx',
  'daily UTC',
  'weekly Europe/Berlin',
  'weekly Europe/Nowhere',
  ' daily',
  'daily ',
  'Mon-Fri 10:00',
  'Mon..Fri 10:00',
  'mon,wed *-*-* 3:0',
  'monday',
  'Mon,Tue',
  'Mon.. Tue',
  'Mo 10:00',
  'Mon..Wed,Fri *-*-* 1:2',
  'Sun  06:00',
  'Sat,Sun',
  '*-*-* 01:30:00',
  'Sun *-*-* 06:00:00',
  '*-02~03',
  '*-*~1',
  '~05',
  '2026-13-01',
  '2026-12-01',
  '1969-01-01',
  '2199-01-01',
  '2200-01-01',
  '*-*-1..31/2',
  '*-1,3,5-1',
  '03-05',
  '3-5 1:2',
  '*-*-*',
  '*-*',
  '*:0/15',
  '*/2:0',
  '0/0:0',
  '5/2:0',
  '1..3:0',
  '3..1:0',
  '12:00 UTC',
  '12:00 Europe/Berlin',
  '12:00:00 UTC',
  'Mon 25:00',
  '23:59:59',
  '*-*-* 23:59:60',
  '10:00:00.5',
  '10:00:00.',
  '0:0',
  '00:00',
  '*:*:*',
  '*-*-* *:*:*',
  '',
  ' ',
  '10',
  '10:',
  ':10',
  'Mon 10',
  'Mon *-*-*',
  'Mon *-*-* 10:00 UTC',
  '*-*-* 10:00 utc',
  'Fri..Mon 10:00',
];

describe('OnCalendar grammar agrees with systemd-analyze calendar', () => {
  it.each(HAND)('%j', (expr) => {
    expect(calendarProblem(expr) === undefined, calendarProblem(expr)?.message).toBe(systemdAccepts(expr));
  });

  const num = (max: number, min = 0) => fc.integer({ min, max }).map(String);
  const item = (max: number, min = 0) =>
    fc
      .tuple(
        num(max, min),
        fc.option(num(max, min), { freq: 4, nil: undefined }),
        fc.option(num(6), { freq: 3, nil: undefined }),
      )
      .map(([a, b, r]) => `${a}${b !== undefined ? `..${b}` : ''}${r !== undefined ? `/${r}` : ''}`);
  const comp = (max: number, min = 0) =>
    fc.oneof(
      fc.constant('*'),
      fc.array(item(max, min), { minLength: 1, maxLength: 2 }).map((l) => l.join(',')),
    );
  const day = fc.constantFrom('Mon', 'tue', 'Wednesday', 'Thu', 'fri', 'Sat', 'sunday');
  const expr = fc
    .tuple(
      fc.option(
        fc
          .array(
            fc.oneof(
              day,
              fc.tuple(day, fc.constantFrom('..', '-'), day).map((t) => t.join('')),
            ),
            { minLength: 1, maxLength: 2 },
          )
          .map((l) => l.join(',')),
        { nil: undefined },
      ),
      fc.option(
        fc.tuple(
          fc.option(comp(2205, 1965), { nil: undefined }),
          comp(13),
          fc.constantFrom('-', '~'),
          comp(32),
        ),
        { nil: undefined },
      ),
      fc.option(fc.tuple(comp(24), comp(60), fc.option(comp(60), { nil: undefined })), { nil: undefined }),
      fc.option(fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Mars/Base'), { nil: undefined }),
    )
    .map(([w, d, t, z]) =>
      [
        w,
        d && `${d[0] !== undefined ? `${d[0]}-` : ''}${d[1]}${d[2]}${d[3]}`,
        t && `${t[0]}:${t[1]}${t[2] !== undefined ? `:${t[2]}` : ''}`,
        z,
      ]
        .filter((x) => x !== undefined)
        .join(' '),
    )
    .filter((s) => s !== '');

  it('agrees on 400 generated expressions', () => {
    const samples = fc.sample(expr, { numRuns: 400, seed: 20261207 });
    const disagree = samples.filter((e) => (calendarProblem(e) === undefined) !== systemdAccepts(e));
    expect(disagree).toEqual([]);
    // Not vacuous: both verdicts occur.
    expect(samples.filter((e) => calendarProblem(e) === undefined).length).toBeGreaterThan(30);
    expect(samples.filter((e) => calendarProblem(e) !== undefined).length).toBeGreaterThan(30);
  }, 300_000);
});
