import { describe, expect, it } from 'vitest';
import { BorgTimestamp } from '../src/timestamp.js';
import { parseBorgVersion } from '../src/version.js';

describe('BorgTimestamp', () => {
  it('keeps whether an offset was present', () => {
    const v1 = BorgTimestamp.parse('2026-11-24T16:25:54.000000')!;
    expect(v1.hasOffset).toBe(false);
    expect(v1.toDate('Europe/Berlin').toISOString()).toBe('2026-11-24T15:25:54.000Z');
    const v2 = BorgTimestamp.parse('2026-11-24T16:28:50.343024+01:00')!;
    expect(v2.offsetMinutes).toBe(60);
    expect(v2.wall.microsecond).toBe(343024);
    expect(v2.toDate().toISOString()).toBe('2026-11-24T15:28:50.343Z');
    expect(`${v2}`).toBe('2026-11-24T16:28:50.343024+01:00');
    expect(BorgTimestamp.parse('2026-13-01T00:00:00')).toBeUndefined();
    expect(BorgTimestamp.parse('yesterday')).toBeUndefined();
  });
  it('resolves the autumn DST fold as asked', () => {
    const t = BorgTimestamp.parse('2026-10-25T02:30:00.000000')!;
    expect(t.toDate('Europe/Berlin', 0).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(t.toDate('Europe/Berlin', 1).toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });
});

describe('parseBorgVersion', () => {
  it('understands the versions borg prints', () => {
    expect(parseBorgVersion('borg 1.2.4')?.text).toBe('1.2.4');
    expect(parseBorgVersion('1.4')?.text).toBe('1.4.0');
    expect(parseBorgVersion('2.0')?.text).toBe('2.0.0b5');
    expect(parseBorgVersion('borg2 2.0.0b22')?.beta).toBe(22);
    expect(parseBorgVersion('1.3')).toBeUndefined();
  });
});
