import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { lint, parse } from '../src/index.js';

describe('spans stay inside the text (issue 13, low)', () => {
  it('`export ` and nothing after it points at `export`', () => {
    // /work/shared/reliability/o2cb-export-trailing-space.o2cb gave `Unexpected ``` at {7,8}.
    const d = parse('export ').diagnostics;
    expect(d.map((x) => [x.code, x.message, x.span])).toEqual([
      ['o2cb/unsupported-line', 'Expected `NAME=value` after `export`', { start: 0, end: 6 }],
    ]);
  });

  test.prop([
    fc.array(fc.constantFrom('export', ' ', '\t', '\n', 'A', '=', '"', "'", '$', ';', '#', '\\'), {
      maxLength: 12,
    }),
  ])('every diagnostic span lies inside the text', (parts) => {
    const text = parts.join('');
    for (const d of [...parse(text).diagnostics, ...lint(text).diagnostics]) {
      expect(d.span.start).toBeGreaterThanOrEqual(0);
      expect(d.span.end).toBeLessThanOrEqual(text.length);
      expect(d.span.start).toBeLessThanOrEqual(d.span.end);
      expect(d.message).not.toContain('``');
    }
  });
});
