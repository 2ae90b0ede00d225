import { literal, P, type Parser, runParser, type Spanned, spanned, tokenText } from '@ftkit/core/parsimmon';

// systemd's calendar events (systemd.time(7), `OnCalendar=`), as `systemd-analyze calendar`
// reads them: a shorthand (`daily`, `weekly`, …) or `[WEEKDAYS] [DATE] [TIME]`, then an
// optional time zone. Checked against systemd-analyze in test/conformance/calendar.test.ts.

/** One value, range or repetition of a date or time component: `5`, `1..3`, `0/15`, `1..31/2`. */
export interface CalendarItem {
  readonly from: Spanned<string>;
  readonly to?: Spanned<string>;
  readonly repeat?: Spanned<string>;
}

/** A component: `*` (any) or a comma-separated list of items. */
export type CalendarComponent = Spanned<'*'> | { readonly items: readonly CalendarItem[] };

/** A weekday name or range (`Mon`, `monday`, `Mon..Fri`, `Mon-Fri`). */
export interface WeekdayItem {
  readonly from: Spanned<string>;
  readonly to?: Spanned<string>;
}

/** A calendar expression read into its parts, each with 0-based offsets (end exclusive). */
export interface CalendarSpec {
  readonly shorthand?: Spanned<string>;
  readonly weekdays?: readonly WeekdayItem[];
  readonly year?: CalendarComponent;
  readonly month?: CalendarComponent;
  readonly day?: CalendarComponent;
  /** Whether the day counts from the end of the month (`*-02~03`). */
  readonly fromEnd?: boolean;
  readonly hour?: CalendarComponent;
  readonly minute?: CalendarComponent;
  readonly second?: CalendarComponent;
  readonly timeZone?: Spanned<string>;
}

/** The shorthands systemd knows (any case). */
export const CALENDAR_SHORTHANDS = [
  'minutely',
  'hourly',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'semiannually',
  'yearly',
  'annually',
] as const;

const WEEKDAY = /monday|mon|tuesday|tue|wednesday|wed|thursday|thu|friday|fri|saturday|sat|sunday|sun/i;
const space = tokenText(/ +/, 'a space');
const number = spanned(tokenText(/[0-9]+/, 'a number'));
const seconds = spanned(tokenText(/[0-9]+(?:\.[0-9]+)?/, 'a number'));

function item(value: Parser<Spanned<string>>): Parser<CalendarItem> {
  return P.seqMap(
    value,
    P.seq(literal('..'), value)
      .map(([, v]) => v)
      .atMost(1),
    P.seq(literal('/'), value)
      .map(([, v]) => v)
      .atMost(1),
    (from, [to], [repeat]) => ({ from, ...(to ? { to } : {}), ...(repeat ? { repeat } : {}) }),
  );
}

function component(value: Parser<Spanned<string>> = number): Parser<CalendarComponent> {
  return P.alt(
    spanned(literal('*').map(() => '*' as const)),
    item(value)
      .sepBy1(literal(','))
      .map((items) => ({ items })),
  );
}

const weekdayName = spanned(tokenText(WEEKDAY, 'a weekday')).skip(P.notFollowedBy(P.regexp(/[a-z]/i)));
const weekdays: Parser<WeekdayItem[]> = P.seqMap(
  weekdayName,
  P.seq(P.alt(literal('..'), literal('-')), weekdayName)
    .map(([, v]) => v)
    .atMost(1),
  (from, [to]) => ({ from, ...(to ? { to } : {}) }),
).sepBy1(literal(','));

type DatePart = Pick<CalendarSpec, 'year' | 'month' | 'day' | 'fromEnd'>;
const daySep = P.alt(
  literal('-').map(() => false),
  literal('~').map(() => true),
);
const date: Parser<DatePart> = P.alt(
  P.seqMap(component(), literal('-'), component(), daySep, component(), (year, _, month, fromEnd, day) => ({
    year,
    month,
    day,
    fromEnd,
  })),
  P.seqMap(component(), daySep, component(), (month, fromEnd, day) => ({ month, day, fromEnd })),
);

type TimePart = Pick<CalendarSpec, 'hour' | 'minute' | 'second'>;
const time: Parser<TimePart> = P.seqMap(
  component(),
  literal(':'),
  component(),
  P.seq(literal(':'), component(seconds))
    .map(([, s]) => s)
    .atMost(1),
  (hour, _, minute, [second]) => ({ hour, minute, ...(second ? { second } : {}) }),
);

const afterSpace = <T>(p: Parser<T>) => P.seq(space, p).map(([, v]) => v);

const body: Parser<CalendarSpec> = P.alt(
  P.seqMap(weekdays, afterSpace(date).atMost(1), afterSpace(time).atMost(1), (w, [d], [t]) => ({
    weekdays: w,
    ...d,
    ...t,
  })),
  P.seqMap(date, afterSpace(time).atMost(1), (d, [t]) => ({ ...d, ...t })),
  time,
);

const shorthand = spanned(
  tokenText(
    new RegExp(`(?:${CALENDAR_SHORTHANDS.join('|')})(?![A-Za-z])`, 'i'),
    'a shorthand such as `daily`',
  ),
);
const zone = spanned(tokenText(/[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*/, 'a time zone'));

/** The grammar of a whole calendar expression (no space before or after it, as systemd reads it). */
export const calendarGrammar: Parser<CalendarSpec> = P.seqMap(
  P.alt(
    shorthand.map((s) => ({ shorthand: s })),
    body,
  ),
  afterSpace(zone).atMost(1),
  (spec, [timeZone]) => ({ ...spec, ...(timeZone ? { timeZone } : {}) }),
);

/** A problem with a calendar expression: a sentence and where (0-based offsets, end exclusive). */
export interface CalendarProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

const RANGES = {
  year: [1970, 2199],
  month: [1, 12],
  day: [1, 31],
  hour: [0, 23],
  minute: [0, 59],
  second: [0, 59],
} as const;

function componentProblem(
  name: keyof typeof RANGES,
  c: CalendarComponent | undefined,
  fromEnd = false,
): CalendarProblem | undefined {
  if (c === undefined || !('items' in c)) return undefined;
  const [min, range] = RANGES[name];
  // systemd (calendarspec.c) allows at most 28 days counted from the end of the month.
  const max = fromEnd ? 28 : range;
  const bad = (s: Spanned<string>, why: string): CalendarProblem => ({
    message: `Invalid ${name} \`${s.value}\`: ${why}`,
    start: s.start,
    end: s.end,
  });
  for (const it of c.items) {
    // systemd does not bound a range's end when a repetition follows (`19..24/2` of hours).
    for (const s of it.repeat ? [it.from] : [it.from, it.to]) {
      if (s === undefined) continue;
      const v = Number(s.value);
      if (v < min || v > max) return bad(s, `expected ${min} to ${max}`);
    }
    // An empty range of seconds (`*:*:5..5`) is refused, of other components read; with a
    // repetition both are (systemd's checks, observed with systemd-analyze).
    if (it.to) {
      const to = Number(it.to.value);
      const from = Number(it.from.value);
      if (name === 'second' && !it.repeat ? to <= from : to < from)
        return bad(it.to, `a range must end after \`${it.from.value}\``);
    }
    if (it.repeat) {
      const r = Number(it.repeat.value);
      if (!(r > 0)) return bad(it.repeat, 'a repetition must be positive');
      if (r > max - min) return bad(it.repeat, `a repetition must be at most ${max - min}`);
      // Counted from the month's end, the step must be smaller than the start (`~4/3`, not `~3/3`).
      if (fromEnd && !it.to && r >= Number(it.from.value))
        return bad(it.repeat, `a repetition from the month's end must be less than \`${it.from.value}\``);
      // Without a range end, the second value must exist (`29/3` of days would be 32).
      if (!it.to && !fromEnd && Number(it.from.value) + r > max)
        return {
          message: `Invalid ${name} \`${it.from.value}/${r}\`: ${it.from.value} + ${r} is past ${max}`,
          start: it.from.start,
          end: it.repeat.end,
        };
    }
  }
  return undefined;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const weekdayIndex = (name: string) => WEEKDAYS.indexOf(name.slice(0, 3).toLowerCase());

function knownTimeZone(name: string): boolean {
  if (name === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The expression read into its parts, or the first problem with its place; never throws. */
export function parseCalendar(text: string): { spec: CalendarSpec } | { problem: CalendarProblem } {
  const r = runParser(calendarGrammar, text);
  if (!r.ok) {
    const at = Math.min(r.offset, text.length);
    const found = at >= text.length ? 'the end' : `\`${text.slice(at, at + 12)}\``;
    return {
      problem: {
        message: `Expected a systemd calendar expression such as \`daily\` or \`Sun *-*-* 03:00\`, found ${found}`,
        start: at,
        end: Math.min(text.length, at + 1),
      },
    };
  }
  const spec = r.value;
  for (const w of spec.weekdays ?? []) {
    // systemd reads `Fri..Mon` as an error, not as a range over the weekend.
    if (w.to && weekdayIndex(w.to.value) < weekdayIndex(w.from.value))
      return {
        problem: {
          message: `Invalid weekday range: \`${w.to.value}\` comes before \`${w.from.value}\``,
          start: w.from.start,
          end: w.to.end,
        },
      };
  }
  for (const name of Object.keys(RANGES) as (keyof typeof RANGES)[]) {
    const p = componentProblem(name, spec[name], name === 'day' && spec.fromEnd === true);
    if (p) return { problem: p };
  }
  if (spec.timeZone && !knownTimeZone(spec.timeZone.value))
    return {
      problem: {
        message: `Unknown time zone \`${spec.timeZone.value}\``,
        start: spec.timeZone.start,
        end: spec.timeZone.end,
      },
    };
  return { spec };
}

/** Why systemd would refuse the calendar expression, or `undefined` when it reads it. */
export function calendarProblem(text: string): CalendarProblem | undefined {
  const r = parseCalendar(text);
  return 'problem' in r ? r.problem : undefined;
}
