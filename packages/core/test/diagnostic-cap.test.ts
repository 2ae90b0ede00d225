import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { capDiagnostics, type Diagnostic, DiagnosticCollector, MAX_DIAGNOSTICS } from '../src/index.js';

describe('DiagnosticCollector limit', () => {
  it('keeps MAX_DIAGNOSTICS and counts the rest in one summary at the first one dropped', () => {
    const text = '}'.repeat(MAX_DIAGNOSTICS + 500);
    const dc = new DiagnosticCollector(text, 'x', 'f', undefined, { overflowCode: 'x/too-many-problems' });
    for (let i = 0; i < text.length; i++) {
      dc.add({
        code: 'x/syntax',
        severity: i === text.length - 1 ? 'error' : 'warning',
        message: 'm',
        span: { start: i, end: i + 1 },
      });
    }
    expect(dc.items).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(dc.dropped).toBe(500);
    const last = dc.items.at(-1)!;
    expect(last).toMatchObject({
      code: 'x/too-many-problems',
      severity: 'error',
      message: `Too many problems: 500 more after the first ${MAX_DIAGNOSTICS} are not listed`,
      span: { start: MAX_DIAGNOSTICS, end: MAX_DIAGNOSTICS + 1 },
      file: 'f',
    });
    // Reporters copy and serialise diagnostics: the summary reads as plain data.
    expect(JSON.parse(JSON.stringify(last)).message).toBe(last.message);
    expect({ ...last }.severity).toBe('error');
  });

  test.prop([fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 10 })])(
    'never holds more than limit + 1 items and counts every one',
    (n, limit) => {
      const dc = new DiagnosticCollector('abc', 'x', undefined, undefined, { limit });
      for (let i = 0; i < n; i++)
        dc.add({ code: 'c', severity: 'info', message: 'm', span: { start: 0, end: 1 } });
      expect(dc.items.length).toBe(Math.min(n, limit) + (n > limit ? 1 : 0));
      expect(dc.dropped).toBe(Math.max(0, n - limit));
    },
  );
});

describe('capDiagnostics', () => {
  const d = (file: string, start: number, severity: Diagnostic['severity'] = 'warning'): Diagnostic => ({
    code: 'c',
    severity,
    message: 'm',
    span: { start, end: start + 1 },
    position: {
      start: { line: 1, column: start + 1, offset: start },
      end: { line: 1, column: start + 2, offset: start + 1 },
    },
    source: 's',
    file,
  });

  it('returns the same items when no file is over the limit', () => {
    const list = [d('a', 0), d('b', 0)];
    expect(capDiagnostics(list, { limit: 1 })).toEqual(list);
  });

  it('keeps the first per file in order and adds the counts of a collector summary', () => {
    const dc = new DiagnosticCollector('x'.repeat(10), 's', 'a', undefined, {
      limit: 3,
      overflowCode: 'c/too-many',
    });
    for (let i = 9; i >= 0; i--)
      dc.add({ code: 'c', severity: 'warning', message: 'm', span: { start: i, end: i + 1 } });
    const out = capDiagnostics([...dc.items, d('a', 20, 'error'), d('b', 0)], {
      limit: 2,
      overflowCode: 'c/too-many',
    });
    expect(out.map((x) => `${x.file}:${x.span.start} ${x.code}`)).toEqual([
      'a:7 c',
      'a:8 c',
      'b:0 c',
      'a:6 c/too-many',
    ]);
    expect(out.at(-1)).toMatchObject({
      severity: 'error',
      message: 'Too many problems: 9 more after the first 2 are not listed',
    });
  });
});
