import { runParser } from '@ftkit/core/parsimmon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarGrammar, calendarProblem, parseCalendar } from '../src/lab/spec/calendar.js';
import { ScheduleSchema } from '../src/lab/spec/spec.js';

// The OnCalendar grammar of the lab's timers (test/conformance/calendar.test.ts compares it with
// `systemd-analyze calendar`); here: the parts and their offsets, the problems and their places.
describe('OnCalendar grammar', () => {
  it('reads weekdays, date and time with their offsets', () => {
    const r = parseCalendar('Mon..Fri *-*-* 01:30:00');
    expect(r).toEqual({
      spec: {
        weekdays: [{ from: { value: 'Mon', start: 0, end: 3 }, to: { value: 'Fri', start: 5, end: 8 } }],
        year: { value: '*', start: 9, end: 10 },
        month: { value: '*', start: 11, end: 12 },
        day: { value: '*', start: 13, end: 14 },
        fromEnd: false,
        hour: { items: [{ from: { value: '01', start: 15, end: 17 } }] },
        minute: { items: [{ from: { value: '30', start: 18, end: 20 } }] },
        second: { items: [{ from: { value: '00', start: 21, end: 23 } }] },
      },
    });
  });

  it('reads shorthands, `~`, repetitions and time zones', () => {
    expect(parseCalendar('Daily UTC')).toEqual({
      spec: { shorthand: { value: 'Daily', start: 0, end: 5 }, timeZone: { value: 'UTC', start: 6, end: 9 } },
    });
    const r = parseCalendar('*-02~03 *:0/15');
    expect('spec' in r && r.spec.fromEnd).toBe(true);
    expect('spec' in r && r.spec.minute).toEqual({
      items: [{ from: { value: '0', start: 10, end: 11 }, repeat: { value: '15', start: 12, end: 14 } }],
    });
  });

  it.each([
    ['Sun 25:00', 'Invalid hour `25`: expected 0 to 23', 4, 6],
    ['2026-13-01', 'Invalid month `13`: expected 1 to 12', 5, 7],
    ['*-*-29/3', 'Invalid day `29/3`: 29 + 3 is past 31', 4, 8],
    ['Fri..Mon 10:00', 'Invalid weekday range: `Mon` comes before `Fri`', 0, 8],
    ['12:00 Mars/Base', 'Unknown time zone `Mars/Base`', 6, 15],
    [
      // parsimmon reports where reading got furthest: after a trailing space, or after `at`,
      // which reads as a time zone name.
      'Sun 03:00 ',
      'Expected a systemd calendar expression such as `daily` or `Sun *-*-* 03:00`, found the end',
      10,
      10,
    ],
    [
      'daily at 3',
      'Expected a systemd calendar expression such as `daily` or `Sun *-*-* 03:00`, found ` 3`',
      8,
      9,
    ],
  ])('%j: %s', (text, message, start, end) => {
    expect(calendarProblem(text)).toEqual({ message, start, end });
  });

  it('never throws, and fails with an offset inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = runParser(calendarGrammar, s);
        if (!r.ok) expect(r.offset).toBeLessThanOrEqual(s.length);
        const p = calendarProblem(s);
        if (p) expect(p.start).toBeLessThanOrEqual(s.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('the lab spec reports the problem with its column', () => {
    const r = ScheduleSchema.safeParse({ create: 'Sun 25:00' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['create', 'Invalid hour `25`: expected 0 to 23 (column 5)'],
    ]);
    expect(ScheduleSchema.parse({})).toEqual({
      create: '*-*-* 01:30:00',
      prune: '*-*-* 05:00:00',
      verify: 'Sun *-*-* 06:00:00',
    });
  });
});
