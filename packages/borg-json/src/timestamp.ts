import { type WallTime, ZoneClock } from './time/zone.js';

const RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?:([+-])(\d{2}):?(\d{2})(?::(\d{2}))?|Z)?$/;

/**
 * A timestamp as borg prints it, e.g. `2026-11-24T16:25:54.000000` (1.x: local wall time of the
 * borg host, no offset) or `2026-11-24T16:28:50.343024+01:00` (2.0: local time with offset).
 * Keeps the original text (so emit is byte-identical) and whether an offset was present: without
 * one the instant is only known once you say which zone borg ran in ({@link BorgTimestamp.toEpochMs}).
 */
export class BorgTimestamp {
  /** The text exactly as borg printed it. */
  readonly text: string;
  /** Wall-clock fields as printed (month 1-12). */
  readonly wall: WallTime;
  /** UTC offset in minutes when the text has one (2.0), else `null` (1.x local time). */
  readonly offsetMinutes: number | null;

  private constructor(text: string, wall: WallTime, offsetMinutes: number | null) {
    this.text = text;
    this.wall = wall;
    this.offsetMinutes = offsetMinutes;
  }

  /** Parses borg's ISO 8601 form; `undefined` when `text` is not one. */
  static parse(text: string): BorgTimestamp | undefined {
    const m = RE.exec(text);
    if (!m) return undefined;
    const wall: WallTime = {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4]),
      minute: Number(m[5]),
      second: Number(m[6]),
      microsecond: m[7] ? Number(m[7].padEnd(6, '0')) : 0,
    };
    if (
      wall.month < 1 ||
      wall.month > 12 ||
      wall.day < 1 ||
      wall.day > 31 ||
      wall.hour > 23 ||
      wall.minute > 59 ||
      wall.second > 59
    )
      return undefined;
    let offset: number | null = null;
    if (text.endsWith('Z')) offset = 0;
    else if (m[8])
      offset = (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]) + Number(m[11] ?? 0) / 60);
    return new BorgTimestamp(text, wall, offset);
  }

  /** Whether the text carries a UTC offset (borg 2.0) or is a bare local time (borg 1.x). */
  get hasOffset(): boolean {
    return this.offsetMinutes !== null;
  }

  /**
   * The UTC instant in milliseconds (microseconds beyond ms are dropped). For texts without an
   * offset, `timeZone` (the borg host's zone, default `UTC`) decides; in the autumn DST fold the
   * text is ambiguous and `fold` picks the earlier (0) or later (1) instant.
   */
  toEpochMs(timeZone = 'UTC', fold: 0 | 1 = 0): number {
    const w = this.wall;
    if (this.offsetMinutes !== null) {
      return (
        Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) +
        Math.floor(w.microsecond / 1000) -
        this.offsetMinutes * 60_000
      );
    }
    return new ZoneClock(timeZone).toEpochMs(w, fold);
  }

  /** The instant as a `Date` (see {@link BorgTimestamp.toEpochMs}). */
  toDate(timeZone = 'UTC', fold: 0 | 1 = 0): Date {
    return new Date(this.toEpochMs(timeZone, fold));
  }

  /** The original text, so `JSON.stringify` and template strings print what borg printed. */
  toJSON(): string {
    return this.text;
  }

  toString(): string {
    return this.text;
  }
}

/** Parses a borg timestamp text; `undefined` when it is not one. */
export function parseBorgTimestamp(text: string): BorgTimestamp | undefined {
  return BorgTimestamp.parse(text);
}
