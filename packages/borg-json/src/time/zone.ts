/**
 * Wall-clock arithmetic in an IANA time zone with nothing but `Intl`: UTC offsets are looked up
 * once per quarter hour (every real zone changes offset on a quarter-hour boundary) and cached,
 * so converting 100,000 archive times costs a few hundred `Intl` calls, not 100,000.
 */

/** Calendar fields of a wall-clock time (month 1-12, no time zone). */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0-999999 */
  readonly microsecond: number;
}

const QUARTER = 15 * 60 * 1000;
const DAY = 86_400_000;

/** Converts between UTC instants and wall-clock times of one zone. */
export class ZoneClock {
  /** The IANA zone name, e.g. `Europe/Berlin`, or `UTC`. */
  readonly timeZone: string;
  private readonly fmt: Intl.DateTimeFormat | undefined;
  private readonly cache = new Map<number, number>();
  private readonly days = new Map<number, number>();

  /** Throws a `RangeError` for a zone name `Intl` does not know (a programmer/usage error). */
  constructor(timeZone: string) {
    this.timeZone = timeZone;
    const utc = /^(?:UTC|Etc\/UTC|GMT|Etc\/GMT|Z)$/i.test(timeZone);
    this.fmt = utc
      ? undefined
      : new Intl.DateTimeFormat('en-US', {
          timeZone,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        });
  }

  /** The zone's UTC offset at `epochMs`, in milliseconds (positive east of Greenwich). */
  offsetMs(epochMs: number): number {
    if (!this.fmt) return 0;
    // Fast path: when the offsets at the start of this UTC day and of the next day agree, no
    // transition happens in between (zones change at most once a day).
    const dayBucket = Math.floor(epochMs / DAY);
    let d = this.days.get(dayBucket);
    if (d === undefined) {
      const a = this.quarterOffset(dayBucket * (DAY / QUARTER));
      const b = this.quarterOffset((dayBucket + 1) * (DAY / QUARTER));
      d = a === b ? a : Number.NaN;
      if (this.days.size > 100_000) this.days.clear();
      this.days.set(dayBucket, d);
    }
    return Number.isNaN(d) ? this.quarterOffset(Math.floor(epochMs / QUARTER)) : d;
  }

  private quarterOffset(bucket: number): number {
    if (!this.fmt) return 0;
    const hit = this.cache.get(bucket);
    if (hit !== undefined) return hit;
    const at = bucket * QUARTER;
    let y = 0;
    let mo = 0;
    let d = 0;
    let h = 0;
    let mi = 0;
    let s = 0;
    for (const p of this.fmt.formatToParts(at)) {
      const v = Number(p.value);
      if (p.type === 'year') y = v;
      else if (p.type === 'month') mo = v;
      else if (p.type === 'day') d = v;
      else if (p.type === 'hour') h = v;
      else if (p.type === 'minute') mi = v;
      else if (p.type === 'second') s = v;
    }
    const off = Date.UTC(y, mo - 1, d, h, mi, s) - at;
    if (this.cache.size > 200_000) this.cache.clear();
    this.cache.set(bucket, off);
    return off;
  }

  /** The wall time at `epochMs` (sub-millisecond part from `extraMicros`, 0-999). */
  wall(epochMs: number, extraMicros = 0): WallTime {
    const local = new Date(epochMs + this.offsetMs(epochMs));
    return {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
      microsecond: local.getUTCMilliseconds() * 1000 + extraMicros,
    };
  }

  /**
   * The UTC instant (ms) of a wall time. In the autumn fold two instants show the same wall
   * time: `fold` 0 picks the earlier, 1 the later (Python's `fold`). Times in the spring gap
   * do not exist; they are read with the offset before the gap, as Python does for `fold=0`.
   */
  toEpochMs(w: WallTime, fold: 0 | 1 = 0): number {
    const asUtc =
      Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) + Math.floor(w.microsecond / 1000);
    if (!this.fmt) return asUtc;
    const o1 = this.offsetMs(asUtc - 86_400_000);
    const o2 = this.offsetMs(asUtc + 86_400_000);
    const c1 = asUtc - o1;
    const c2 = asUtc - o2;
    const ok1 = c1 + this.offsetMs(c1) === asUtc;
    const ok2 = c2 + this.offsetMs(c2) === asUtc;
    if (ok1 && ok2) return fold === 0 ? Math.min(c1, c2) : Math.max(c1, c2);
    if (ok1) return c1;
    if (ok2) return c2;
    return c1;
  }
}

/** `+HHMM` / `-HHMM` for an offset in ms (Python `%z`). */
export function formatOffset(offsetMs: number, colon = false): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const m = Math.round(Math.abs(offsetMs) / 60000);
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${sign}${hh}${colon ? ':' : ''}${mm}`;
}
