import { MAX_DIAGNOSTICS } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { formats } from '../src/formats.js';

/** Per format: a file name and a line that gives (at least) one diagnostic each time it repeats. */
const garbage: Record<string, { file: string; line: string; head?: string }> = {
  'drbd-conf': { file: 'r.res', line: '}\n' },
  'proc-drbd': { file: 'drbd', line: 'version: 8.4.11 (api:1/proto:86-101)\n' },
  'o2cb-defaults': { file: 'o2cb', line: 'O2CB_ENABLED=$x\n' },
  fstab: { file: 'fstab', line: 'x\n' },
  'ocfs2-cluster-conf': { file: 'cluster.conf', line: 'x\n' },
  // borg lint tells items from documents by the first line.
  'borg-json': { file: 'a.borg.jsonl', line: 'x\n', head: '{"type": "-", "mode": "-", "path": "a"}\n' },
};

describe('a per-file diagnostic cap in every format (issue 13 item 5)', () => {
  it('names a garbage line for every format the CLI knows', () => {
    expect(Object.keys(garbage).sort()).toEqual(formats.map((f) => f.name).sort());
  });

  it.each(formats.map((f) => [f.name, f] as const))(
    '%s: 5,000 bad lines give at most 1000 diagnostics and one count of the rest',
    (name, f) => {
      const g = garbage[name]!;
      const text = (g.head ?? '') + g.line.repeat(5000);
      const r = f.lint(text, { fileName: g.file });
      expect(r.diagnostics.length).toBeGreaterThan(MAX_DIAGNOSTICS);
      expect(r.diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS + 2);
      const summaries = r.diagnostics.filter((d) => /too-many-problems|TOO_MANY_PROBLEMS/.test(d.code));
      expect(summaries.length).toBeGreaterThanOrEqual(1);
      expect(summaries[0]!.message).toMatch(
        /^Too many (problems|syntax errors): \d+ more after the first 1000 are not listed/,
      );
      expect(f.parse(text, { fileName: g.file }).diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS + 2);
    },
  );
});
