import { MAX_DIAGNOSTICS } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { reindent } from '../src/format.js';
import { dump, format, lint, migrate, parse } from '../src/index.js';

/** One resource whose `net` section repeats `protocol C;` `n` times. */
function manyOptions(n: number): string {
  return (
    `resource r {\n net {\n${'  protocol C;\n'.repeat(n)} }\n` +
    ' on a { device /dev/drbd0; disk /dev/sdb; address 10.0.0.1:7789; meta-disk internal; }\n' +
    ' on b { device /dev/drbd0; disk /dev/sdb; address 10.0.0.2:7789; meta-disk internal; }\n}\n'
  );
}

describe('big inputs (issue 13 item 6)', () => {
  it('format and reindent of 16,000 unclosed `{` stay linear in the input', () => {
    // Found by `npm run fuzz` (seed 7): indenting every level gave a 2 GB string.
    const text = 'x{"a":'.repeat(16_000);
    const out = format(text).text;
    expect(out.length).toBeLessThan(text.length * 40);
    expect(reindent(text).length).toBeLessThan(text.length * 40);
    expect(reindent('a {\nb {\nc;\n}\n}\n')).toBe('a {\n    b {\n        c;\n    }\n}\n');
  });

  it('dump prints a section of 130,000 options without a stack overflow', () => {
    // make-big.sh dump-options: `push(...pairs)` passed every option as one call argument.
    const text = manyOptions(130_000);
    const r = parse(text);
    const full = dump(r.model, { drbdVersion: '9' });
    expect(full).toContain('resource r {');
    expect(dump(text, { host: 'a' })).toBe(dump(r.model, { host: 'a' }));
  });
});

describe('diagnostic cap (issue 13 item 5)', () => {
  it('a megabyte of `}` gives 1000 syntax errors and one count of the rest', () => {
    // make-big.sh close-braces: 8 MB of `}` made `ftkit lint` abort at 4.8 GB.
    const text = '}'.repeat(1 << 20);
    const r = lint(text);
    expect(r.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(r.diagnostics.at(-1)).toMatchObject({
      code: 'drbd/too-many-problems',
      severity: 'error',
      message: `Too many problems: ${(1 << 20) - MAX_DIAGNOSTICS} more after the first ${MAX_DIAGNOSTICS} are not listed`,
      span: { start: MAX_DIAGNOSTICS, end: MAX_DIAGNOSTICS + 1 },
    });
    expect(parse(text).diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
  });

  it('lint findings are capped too: 1,500 resources without a protocol', () => {
    const res = (i: number) =>
      `resource r${i} { on a { device /dev/drbd${i}; disk /dev/sdb; address 10.0.${i >> 8}.${i & 255}:7789; meta-disk internal; } on b { device /dev/drbd${i}; disk /dev/sdb; address 10.1.${i >> 8}.${i & 255}:7789; meta-disk internal; } }\n`;
    const text = Array.from({ length: 1500 }, (_, i) => res(i)).join('');
    const r = lint(text);
    expect(r.diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS + 1);
    expect(r.diagnostics.at(-1)!.code).toBe('drbd/too-many-problems');
  });
});

describe('migrate reports positions in the input (issue 13, low)', () => {
  it('a bad value in a moved option points at the option where it was', () => {
    // /work/shared/reliability/migrate-wrong-position.res reported 3:17 (span 44–45) of a
    // one-line, 28-character file.
    const text = 'resource r{disk{fencing l;}}';
    const m = migrate(text);
    const errors = m.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.span).toEqual({ start: 16, end: 26 });
    expect(text.slice(errors[0]!.span.start, errors[0]!.span.end)).toBe('fencing l;');
    expect(errors[0]!.position.start).toEqual({ line: 1, column: 17, offset: 16 });
  });

  it('a problem after the edits shifts back by what they added and removed', () => {
    const text =
      'resource r {\n  syncer { rate 10M; }\n  disk { on-io-error x; }\n  on a { device /dev/drbd0; disk /dev/sdb; address 10.0.0.1:7789; meta-disk internal; }\n  on b { device /dev/drbd0; disk /dev/sdb; address 10.0.0.2:7789; meta-disk internal; }\n}\n';
    const m = migrate(text);
    expect(m.edits.length).toBeGreaterThan(0);
    const errors = m.diagnostics.filter((x) => x.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const d of errors) {
      expect(d.span.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(d.span.start, d.span.end)).toBe('x');
    }
  });
});
