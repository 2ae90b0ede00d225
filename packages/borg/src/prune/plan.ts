import {
  BorgTimestamp,
  type BorgVersion,
  formatOffset,
  isV2From,
  parseBorgVersion,
  versionAtLeast,
  ZoneClock,
} from '@ftkit/borg-json';
import { FtkitError } from '@ftkit/core';
import { P, type Parser, runParser, type Spanned, spanned, tokenText } from '@ftkit/core/parsimmon';

/** One archive as the planner needs it. */
export interface PruneArchive {
  readonly name: string;
  /** 64 hex characters; printed in `[...]` on each line. */
  readonly id?: string;
  /**
   * The archive's start time as stored: a `Date`, epoch milliseconds, an ISO text with offset
   * or `Z`, or a {@link BorgTimestamp} (1.x texts without offset are read in the planner's zone).
   */
  readonly time: Date | number | string | BorgTimestamp;
  /** Extra microseconds (0-999) beyond `time`'s milliseconds, to order archives within one ms. */
  readonly micros?: number;
}

/** A `--keep-*` value: a count, or (2.0 b22+) an interval like `7d` or `all`. */
export type KeepValue = number | string;

/** A retention policy, named like borg's options (`keepDaily` = `--keep-daily`). */
export interface PrunePolicy {
  /** `--keep-within INTERVAL` (1.x, 2.0 up to b21): `H`, `d`, `w`, `m` (31 d), `y` (365 d); b15+ also `M`, `S`. */
  readonly keepWithin?: string;
  /** `--keep-last N`, the same option as `--keep-secondly` (1.x, 2.0 up to b21). */
  readonly keepLast?: number;
  /** `--keep N|INTERVAL|all` (2.0 b22+). */
  readonly keep?: KeepValue;
  readonly keepSecondly?: KeepValue;
  readonly keepMinutely?: KeepValue;
  readonly keepHourly?: KeepValue;
  readonly keepDaily?: KeepValue;
  readonly keepWeekly?: KeepValue;
  readonly keepMonthly?: KeepValue;
  /** `--keep-13weekly` (1.4.1+, b13+). */
  readonly keep13weekly?: KeepValue;
  /** `--keep-3monthly` (1.4.1+, b13+). */
  readonly keep3monthly?: KeepValue;
  readonly keepYearly?: KeepValue;
  /** `--from TIMESTAMP` (2.0 b22+): archives at or after it are kept as `skip`. */
  readonly from?: Date | number | string;
}

/** Options for {@link planPrune}. */
export interface PlanPruneOptions {
  /** `1.2`, `1.2.9`, `1.4`, `1.4.5`, `2.0` (= 2.0.0b5), `2.0.0b12`, `2.0.0b22` … Default `1.4`. */
  readonly borgVersion?: string;
  /** IANA zone of the borg process (its `TZ`); buckets are local days, weeks … Default `UTC`. */
  readonly timeZone?: string;
  /** The time of the run (for `keepWithin` and intervals). Default: now. */
  readonly now?: Date | number;
}

/** The decision for one archive. */
export interface PruneDecision {
  readonly name: string;
  readonly id: string;
  /** UTC instant in ms. */
  readonly epochMs: number;
  readonly keep: boolean;
  /** The rule that keeps it: `within`, `keep`, `skip`, `secondly` … `yearly` (without `[oldest]`). */
  readonly rule?: string;
  /** Its number within the rule (1 = newest kept by that rule). */
  readonly number?: number;
  /** Kept as the oldest archive because the rule had not reached its count. */
  readonly oldest?: boolean;
  /** A checkpoint archive (1.x, 2.0 up to b9); kept only when it is the newest archive. */
  readonly checkpoint?: boolean;
}

/** The result of {@link planPrune}: every archive, newest first, with its decision. */
export interface PrunePlan {
  readonly borgVersion: string;
  readonly timeZone: string;
  readonly now: number;
  /** `classic` (1.x, 2.0 up to b21) or `b22` (the retention engine of 2.0 b22+). */
  readonly engine: 'classic' | 'b22';
  readonly decisions: readonly PruneDecision[];
}

/** Rule names in borg's fixed order (also the `keep_rule` keys of b22 `prune --json`). */
export const PRUNE_RULES = [
  'secondly',
  'minutely',
  'hourly',
  'daily',
  'weekly',
  'monthly',
  'quarterly_13weekly',
  'quarterly_3monthly',
  'yearly',
] as const;
/** A `--keep-*` rule by the name borg uses inside (`quarterly_13weekly` is `--keep-13weekly`). */
export type PruneRule = (typeof PRUNE_RULES)[number];

const POLICY_KEY: Record<PruneRule, keyof PrunePolicy> = {
  secondly: 'keepSecondly',
  minutely: 'keepMinutely',
  hourly: 'keepHourly',
  daily: 'keepDaily',
  weekly: 'keepWeekly',
  monthly: 'keepMonthly',
  quarterly_13weekly: 'keep13weekly',
  quarterly_3monthly: 'keep3monthly',
  yearly: 'keepYearly',
};

const CHECKPOINT = /\.checkpoint(?:\.\d+)?$/;

/**
 * Throws the {@link FtkitError} for a usage error in a policy (what borg reports as an argument
 * or `CommandError`): `code` is `borg/<kebab-id>`, `path` the offending field of the policy or
 * options (`['policy', 'keepDaily']`, `['options', 'timeZone']`).
 */
function fail(code: string, message: string, path: readonly (string | number)[]): never {
  throw new FtkitError(`borg/${code}`, message, { path });
}

/** The policy field of a rule (`daily` → `['policy', 'keepDaily']`). */
const rulePath = (r: PruneRule | 'keep'): string[] => ['policy', r === 'keep' ? 'keep' : POLICY_KEY[r]];

interface Entry {
  readonly name: string;
  readonly id: string;
  readonly ms: number;
  /** Microsecond instant, for ordering. */
  readonly us: number;
  readonly index: number;
  readonly checkpoint: boolean;
  /** Index of this entry's period keys in the shared key array. */
  slot?: number;
  rule?: string;
  number?: number;
  oldest?: boolean;
}

function toMs(t: PruneArchive['time'], clock: ZoneClock, prevMs: number | undefined): number {
  if (t instanceof Date) return t.getTime();
  if (typeof t === 'number') return t;
  const ts = t instanceof BorgTimestamp ? t : BorgTimestamp.parse(t);
  if (!ts) fail('invalid-archive-time', `Invalid archive time \`${String(t)}\``, ['archives']);
  if (ts.hasOffset) return ts.toEpochMs();
  // Without an offset (1.x) the fold is ambiguous; archives come oldest first, so take the
  // reading that keeps the order.
  const early = clock.toEpochMs(ts.wall, 0);
  if (prevMs !== undefined && early < prevMs) return clock.toEpochMs(ts.wall, 1);
  return early;
}

/** An interval as written: its number and its unit letter, each with its offsets in the text. */
export interface IntervalText {
  readonly number: Spanned<string>;
  readonly unit: Spanned<string>;
}

/**
 * `--keep-within` and b22+ `--keep-*` intervals: `DIGITS UNIT`, any unit letter borg knows in
 * some version (`H d w m y`, 2.0 b15+ also `M S`); {@link parseInterval} checks the version.
 */
export const intervalGrammar: Parser<IntervalText> = P.seqMap(
  spanned(tokenText(/[0-9]+/, 'a number')),
  spanned(tokenText(/[HdwmyMS]/, 'a unit')),
  (number, unit) => ({ number, unit }),
);

/** Parses a 1.x / 2.0 interval (`45d`, `12H`, `2w`, `1m` = 31 days, `1y` = 365 days) to ms. */
export function parseInterval(
  text: string,
  version: BorgVersion,
  path: readonly (string | number)[] = [],
): number {
  const r = runParser(intervalGrammar, text);
  const units: Record<string, number> = { H: 3600, d: 86400, w: 7 * 86400, m: 31 * 86400, y: 365 * 86400 };
  if (isV2From(version, 15)) Object.assign(units, { M: 60, S: 1 });
  if (!r.ok || units[r.value.unit.value] === undefined) {
    fail(
      'invalid-interval',
      `Invalid interval \`${text}\`: expected a number and one of ${Object.keys(units).join(', ')}`,
      path,
    );
  }
  const n = Number(r.value.number.value);
  if (n <= 0) fail('invalid-interval', `Invalid interval \`${text}\`: expected a positive number`, path);
  return n * units[r.value.unit.value]! * 1000;
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm, proleptic Gregorian). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year of a day number (see {@link daysFromCivil}); month and day via the out array. */
function civilFromDays(z0: number, out: Int32Array): void {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[1] = m;
  out[2] = d;
}

const KEYS = 9;
const civil = new Int32Array(3);

/**
 * Period keys of one archive for every rule, as numbers (equal key = same period), written to
 * `keys[base .. base+8]`. Pure arithmetic on the local wall time (no Date objects): this is the
 * hot loop of 100,000-archive plans.
 */
function periodKeys(ms: number, clock: ZoneClock, keys: Float64Array, base: number): void {
  // Python builds the local time from whole seconds (1.x) or the full value (2.0); the keys
  // below never look below the second, so both give the same result.
  const sec = Math.floor(ms / 1000);
  const local = sec + clock.offsetMs(sec * 1000) / 1000;
  const day = Math.floor(local / 86400);
  const sod = local - day * 86400;
  civilFromDays(day, civil);
  const y = civil[0]!;
  const m = civil[1]!;
  const dow = (((day + 3) % 7) + 7) % 7; // Monday 0 (1970-01-01 was a Thursday)
  const thursday = day - dow + 3;
  civilFromDays(thursday, civil);
  const iy = civil[0]!;
  const iw = Math.floor((thursday - daysFromCivil(iy, 1, 1)) / 7) + 1;
  keys[base] = local;
  keys[base + 1] = Math.floor(local / 60);
  keys[base + 2] = day * 24 + Math.floor(sod / 3600);
  keys[base + 3] = day;
  keys[base + 4] = iy * 100 + iw;
  keys[base + 5] = y * 100 + m;
  keys[base + 6] = iy * 10 + (iw <= 13 ? 1 : iw <= 26 ? 2 : iw <= 39 ? 3 : 4);
  keys[base + 7] = y * 10 + Math.floor((m - 1) / 3);
  keys[base + 8] = y;
}

/**
 * Decides which archives `borg prune` keeps, exactly as the given borg version does: the
 * classic algorithm of 1.2, 1.4 and 2.0 up to b21 (checkpoints, `keepWithin`, rules in fixed
 * order, local-time periods, `[oldest]`), or the b22+ engine for `2.0.0b22` and later.
 * Throws {@link FtkitError} (codes `borg/…`) for policies borg rejects; never for archive data.
 */
export function planPrune(
  archives: readonly PruneArchive[],
  policy: PrunePolicy,
  options: PlanPruneOptions = {},
): PrunePlan {
  const version = parseBorgVersion(options.borgVersion ?? '1.4');
  if (!version)
    fail(
      'unknown-version',
      `Unknown borg version \`${options.borgVersion}\`: expected 1.2, 1.4 or 2.0 (e.g. 2.0.0b12)`,
      ['options', 'borgVersion'],
    );
  const timeZone = options.timeZone ?? 'UTC';
  let clock: ZoneClock;
  try {
    clock = new ZoneClock(timeZone);
  } catch {
    fail('unknown-time-zone', `Unknown time zone \`${timeZone}\``, ['options', 'timeZone']);
  }
  const now =
    options.now === undefined
      ? Date.now()
      : options.now instanceof Date
        ? options.now.getTime()
        : options.now;
  const b22 = isV2From(version, 22);
  const hasCheckpoints = version.major === 1 || (version.beta !== undefined && version.beta <= 9);
  const hasQuarterly = version.major === 1 ? versionAtLeast(version, 1, 4, 1) : isV2From(version, 13);
  for (const r of ['quarterly_13weekly', 'quarterly_3monthly'] as const) {
    if (policy[POLICY_KEY[r]] !== undefined && !hasQuarterly)
      fail(
        'unknown-option',
        `Unknown option \`--keep-${r === 'quarterly_13weekly' ? '13weekly' : '3monthly'}\` in borg ${version.text}: added in 1.4.1 and 2.0.0b13`,
        rulePath(r),
      );
  }
  if (b22 && (policy.keepWithin !== undefined || policy.keepLast !== undefined))
    fail(
      'unknown-option',
      `Unknown option \`--keep-${policy.keepWithin !== undefined ? 'within' : 'last'}\` in borg ${version.text}: use \`keep\``,
      ['policy', policy.keepWithin !== undefined ? 'keepWithin' : 'keepLast'],
    );
  if (!b22 && (policy.keep !== undefined || policy.from !== undefined))
    fail(
      'unknown-option',
      `Unknown option \`--${policy.keep !== undefined ? 'keep' : 'from'}\` in borg ${version.text}: added in 2.0.0b22`,
      ['policy', policy.keep !== undefined ? 'keep' : 'from'],
    );

  let prev: number | undefined;
  const entries: Entry[] = archives.map((a, index) => {
    const ms = toMs(a.time, clock, prev);
    prev = ms;
    return {
      name: a.name,
      id: a.id ?? '',
      ms,
      us: ms * 1000 + (a.micros ?? 0),
      index,
      checkpoint: hasCheckpoints && CHECKPOINT.test(a.name),
    };
  });
  // Newest first; equal instants keep the input order reversed (the input is oldest first).
  entries.sort((a, b) => b.us - a.us || b.index - a.index);
  const decisions = b22
    ? planB22(entries, policy, clock, now, version)
    : planClassic(entries, policy, clock, now, version);
  return { borgVersion: version.text, timeZone, now, engine: b22 ? 'b22' : 'classic', decisions };
}

function computeKeys(list: Entry[], clock: ZoneClock, needed: boolean): Float64Array {
  if (!needed) return new Float64Array(0);
  const keys = new Float64Array(list.length * KEYS);
  list.forEach((e, i) => {
    e.slot = i;
    periodKeys(e.ms, clock, keys, i * KEYS);
  });
  return keys;
}

function counts(policy: PrunePolicy): Map<PruneRule, number> {
  const out = new Map<PruneRule, number>();
  for (const r of PRUNE_RULES) {
    let v = policy[POLICY_KEY[r]] as KeepValue | undefined;
    if (r === 'secondly' && v === undefined) v = policy.keepLast;
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      fail(
        'invalid-keep',
        `Invalid --keep-${r.replace('quarterly_', '')} \`${String(v)}\`: expected a whole number`,
        r === 'secondly' && policy.keepSecondly === undefined ? ['policy', 'keepLast'] : rulePath(r),
      );
    out.set(r, v);
  }
  return out;
}

function ruleWalk(
  list: Entry[],
  r: number,
  name: string,
  n: number,
  kept: Set<Entry>,
  keys: Float64Array,
  stopAt: ((e: Entry) => boolean) | undefined,
  oldestAllowed: boolean,
): void {
  let last: number | undefined;
  let k = 0;
  let visited: Entry | undefined;
  let stopped = false;
  for (const e of list) {
    if (stopAt?.(e)) {
      stopped = true;
      break;
    }
    visited = e;
    const key = r < 0 ? e.index : keys[e.slot! * KEYS + r]!;
    if (key !== last) {
      last = key;
      if (!kept.has(e)) {
        k++;
        e.rule = name;
        e.number = k;
        kept.add(e);
        if (k === n) break;
      }
    }
  }
  if (oldestAllowed && !stopped && visited !== undefined && k < n && !kept.has(visited)) {
    visited.rule = name;
    visited.number = k + 1;
    visited.oldest = true;
    kept.add(visited);
  }
}

function planClassic(
  entries: Entry[],
  policy: PrunePolicy,
  clock: ZoneClock,
  now: number,
  version: BorgVersion,
): PruneDecision[] {
  const rules = counts(policy);
  if (policy.keepWithin === undefined && [...rules.values()].every((n) => n === 0))
    fail(
      'missing-retention',
      'At least one of the "keep-within", "keep-last", "keep-secondly", "keep-minutely", "keep-hourly", "keep-daily", "keep-weekly", "keep-monthly" or "keep-yearly" settings must be specified',
      ['policy'],
    );
  const checkpoints = entries.filter((e) => e.checkpoint);
  const keepCheckpoint = entries.length > 0 && entries[0]!.checkpoint ? entries[0] : undefined;
  const normal = entries.filter((e) => !e.checkpoint);
  const kept = new Set<Entry>();
  if (policy.keepWithin !== undefined) {
    const target = now - parseInterval(policy.keepWithin, version, ['policy', 'keepWithin']);
    let k = 0;
    for (const e of normal) {
      // borg compares microsecond datetimes: ts > now - interval
      if (e.us > target * 1000) {
        k++;
        e.rule = 'within';
        e.number = k;
        kept.add(e);
      }
    }
  }
  const keys = computeKeys(
    normal,
    clock,
    [...rules.values()].some((n) => n > 0),
  );
  PRUNE_RULES.forEach((r, i) => {
    const n = rules.get(r) ?? 0;
    if (n > 0) ruleWalk(normal, i, r, n, kept, keys, undefined, true);
  });
  void checkpoints;
  return entries.map((e) => decision(e, kept.has(e) || e === keepCheckpoint));
}

function decision(e: Entry, keep: boolean): PruneDecision {
  return {
    name: e.name,
    id: e.id,
    epochMs: e.ms,
    keep,
    ...(keep && e.rule !== undefined ? { rule: e.rule, number: e.number! } : {}),
    ...(keep && e.oldest ? { oldest: true } : {}),
    ...(e.checkpoint ? { checkpoint: true } : {}),
  };
}

type B22Value = { kind: 'count'; n: number } | { kind: 'all' } | { kind: 'interval'; ms: number };

function b22Value(v: KeepValue, name: string, version: BorgVersion, path: readonly string[]): B22Value {
  if (v === 'all' || v === -1 || v === '-1') return { kind: 'all' };
  if (typeof v === 'number' || /^\d+$/.test(v)) {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0)
      fail('invalid-keep', `Invalid --${name} \`${v}\`: expected a count, an interval or \`all\``, path);
    return { kind: 'count', n };
  }
  return { kind: 'interval', ms: parseInterval(v, version, path) };
}

function planB22(
  entries: Entry[],
  policy: PrunePolicy,
  clock: ZoneClock,
  now: number,
  version: BorgVersion,
): PruneDecision[] {
  const active: { name: string; r: number; v: B22Value }[] = [];
  if (policy.keep !== undefined)
    active.push({ name: 'keep', r: -1, v: b22Value(policy.keep, 'keep', version, rulePath('keep')) });
  PRUNE_RULES.forEach((r, i) => {
    const v = policy[POLICY_KEY[r]] as KeepValue | undefined;
    if (v !== undefined)
      active.push({
        name: r,
        r: i,
        v: b22Value(v, `keep-${r.replace('quarterly_', '')}`, version, rulePath(r)),
      });
  });
  const effective = active.filter((a) => !(a.v.kind === 'count' && a.v.n === 0));
  if (active.length === 0)
    fail('missing-retention', 'Command error: at least one --keep option must be given', ['policy']);
  if (effective.length === 0)
    fail('missing-retention', 'Command error: all --keep values are zero', ['policy']);
  // Intervals must grow from finer to coarser rules; `all` only on the coarsest of its kind.
  const intervals = effective.filter((a) => a.v.kind === 'interval');
  for (let i = 1; i < intervals.length; i++) {
    const a = intervals[i - 1]!.v as { ms: number };
    const b = intervals[i]!.v as { ms: number };
    if (b.ms <= a.ms)
      fail(
        'invalid-keep',
        `Command error: --keep-${intervals[i]!.name} must be longer than --keep-${intervals[i - 1]!.name}`,
        rulePath(intervals[i]!.name as PruneRule),
      );
  }
  const countLike = effective.filter((a) => a.v.kind !== 'interval');
  countLike.forEach((a, i) => {
    if (a.v.kind === 'all' && i !== countLike.length - 1)
      fail(
        'invalid-keep',
        `Command error: \`all\` is only allowed on the coarsest rule, not on --keep-${a.name}`,
        rulePath(a.name as PruneRule | 'keep'),
      );
  });
  const kept = new Set<Entry>();
  let base = now;
  let candidates = entries;
  if (policy.from !== undefined) {
    const from = toMs(policy.from instanceof Date ? policy.from : policy.from, clock, undefined);
    base = from;
    let k = 0;
    for (const e of entries) {
      if (e.ms >= from) {
        k++;
        e.rule = 'skip';
        e.number = k;
        kept.add(e);
      }
    }
    candidates = entries.filter((e) => !kept.has(e));
  }
  const keys = computeKeys(candidates, clock, true);
  const last = effective[effective.length - 1]!;
  for (const a of effective) {
    const n = a.v.kind === 'count' ? a.v.n : Number.POSITIVE_INFINITY;
    const cut = a.v.kind === 'interval' ? base - a.v.ms : undefined;
    ruleWalk(
      candidates,
      a.r,
      a.name,
      n,
      kept,
      keys,
      cut === undefined ? undefined : (e) => e.ms < cut,
      a === last,
    );
  }
  return entries.map((e) => decision(e, kept.has(e)));
}

/** Options for {@link formatPruneLines}. */
export interface FormatPruneOptions {
  /** `Would prune:` (default) or the real run's `Pruning archive (i/N):`. */
  readonly dryRun?: boolean;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');

function formatTime(ms: number, clock: ZoneClock, withOffset: boolean): string {
  const s = Math.floor(ms / 1000) * 1000;
  const off = clock.offsetMs(s);
  const d = new Date(s + off);
  const text = `${DAYS[d.getUTCDay()]}, ${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  return withOffset ? `${text} ${formatOffset(off)}` : text;
}

/**
 * The lines `borg prune --list` prints for a plan (without the trailing newline), with the
 * label padding, time format and zone of the plan's borg version.
 */
export function formatPruneLines(plan: PrunePlan, options: FormatPruneOptions = {}): string[] {
  const version = parseBorgVersion(plan.borgVersion)!;
  const width =
    version.major === 1 ? (versionAtLeast(version, 1, 2, 9) ? 44 : 40) : isV2From(version, 10) ? 44 : 40;
  // 2.0.0b5 prints the time in UTC although its buckets are local; later versions print local time with offset.
  const b5 = version.major === 2 && version.beta !== undefined && version.beta <= 5;
  const clock = new ZoneClock(b5 ? 'UTC' : plan.timeZone);
  const withOffset = version.major === 2;
  const total = plan.decisions.filter((d) => !d.keep).length;
  let deleted = 0;
  return plan.decisions.map((d) => {
    let label: string;
    if (!d.keep)
      label = options.dryRun === false ? `Pruning archive (${++deleted}/${total}):` : 'Would prune:';
    else if (d.rule === undefined) label = 'Keeping checkpoint archive:';
    else label = `Keeping archive (rule: ${d.rule}${d.oldest ? '[oldest]' : ''} #${d.number}):`;
    return `${label.padEnd(width)} ${d.name.padEnd(36)} ${formatTime(d.epochMs, clock, withOffset)} [${d.id}]`;
  });
}

/**
 * The archives of a `borg list --json` / `rlist --json` / `repo-list --json` document (or of
 * `info --json`), ready for {@link planPrune}. Uses `start` (what prune sorts by), else `time`.
 */
export function pruneArchivesFrom(data: { archives: readonly Record<string, unknown>[] }): PruneArchive[] {
  const out: PruneArchive[] = [];
  for (const a of data.archives) {
    const t = (a.start ?? a.time) as PruneArchive['time'] | undefined;
    if (typeof a.name !== 'string' || t === undefined) continue;
    const micros = t instanceof BorgTimestamp ? t.wall.microsecond % 1000 : 0;
    out.push({
      name: a.name,
      id: typeof a.id === 'string' ? a.id : '',
      time: t,
      ...(micros ? { micros } : {}),
    });
  }
  return out;
}

/** A shell-style archive glob (`*`, `?`, `[...]`) as borg's `--glob-archives` / `-a sh:` applies it. */
export function archiveGlob(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const j = pattern.indexOf(']', i + 2);
      if (j === -1) re += '\\[';
      else {
        let body = pattern.slice(i + 1, j);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = j;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's');
}
