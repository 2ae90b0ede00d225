import { describe, expect, it } from 'vitest';
import {
  DiagnosticCollector,
  didYouMean,
  escapedByBackslash,
  nearestCandidates,
  REDACTED,
  redactDiagnostics,
  safeRecord,
} from '../src/index.js';

describe('safety helpers', () => {
  it('safeRecord keeps __proto__ and constructor as plain keys', () => {
    const r = safeRecord<number>([
      ['__proto__', 1],
      ['constructor', 2],
    ]);
    expect(Object.getOwnPropertyDescriptor(r, '__proto__')?.value).toBe(1);
    expect(Object.keys(r)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(r)).toBeNull();
  });

  it('didYouMean finds close words only', () => {
    expect(didYouMean('protocl', ['protocol', 'disk', 'net'])).toBe('protocol');
    expect(didYouMean('xyz', ['protocol', 'disk'])).toBeUndefined();
    expect(didYouMean('DISK', ['disk'])).toBe('disk');
  });

  it('redacts secrets from every text field and drops leaking fixes', () => {
    const c = new DiagnosticCollector('shared-secret hunter2;', '@ftkit/test');
    c.warning(
      'WEAK',
      'Secret `hunter2` is weak',
      { start: 14, end: 21 },
      {
        note: 'hunter2 is too short',
        actual: 'hunter2',
        fix: { description: 'Replace', edits: [{ start: 14, end: 21, text: 'hunter2hunter2' }] },
      },
    );
    const [d] = redactDiagnostics(c.items, ['hunter2']);
    expect(JSON.stringify(d)).not.toContain('hunter2');
    expect(d!.message).toBe(`Secret \`${REDACTED}\` is weak`);
    expect(d!.fix).toBeUndefined();
  });
});

describe('escapedByBackslash', () => {
  it('counts the backslashes right before an offset', () => {
    expect(escapedByBackslash('a\\\r', 2)).toBe(true);
    expect(escapedByBackslash('a\\\\\r', 3)).toBe(false);
    expect(escapedByBackslash('a\\\\\\', 4)).toBe(true);
    expect(escapedByBackslash('abc', 3)).toBe(false);
    expect(escapedByBackslash('', 0)).toBe(false);
  });

  it('nearestCandidates orders by distance and keeps the given order on ties', () => {
    expect(nearestCandidates('devise', ['on', 'disk', 'device', 'net', 'volume'], 3)).toEqual([
      'device',
      'disk',
      'net',
    ]);
    expect(nearestCandidates('x', ['a', 'b'], 5)).toEqual(['a', 'b']);
    expect(nearestCandidates('x', ['a', 'b'], 0)).toEqual([]);
  });
});
