import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyFormatModule } from '@ftkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFormat, fuzzCli, fuzzFormats, loadCorpus, summary } from '../../../scripts/fuzz-lib.mjs';
import { formats, run } from '../src/index.js';

// A short fixed-seed run of `npm run fuzz` (scripts/fuzz.mjs) on the sources, so the script's
// engine cannot rot. Longer runs: `npm run build && npm run fuzz -- --budget 600`.
const root = join(import.meta.dirname, '../../..');
const corpus = loadCorpus(root);
const dir = mkdtempSync(join(tmpdir(), 'ftkit-fuzz-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run fuzz, fixed seed', () => {
  it('has fixtures for every format', () => {
    for (const f of formats) expect(corpus.get(f.name)?.length ?? 0).toBeGreaterThan(0);
  });

  it('API: 40 mutated inputs per format break no promise', () => {
    const rows = fuzzFormats({ formats, corpus, seed: 42, budgetMs: 120_000, maxRuns: 40 });
    expect(rows.map((r) => [r.area, r.failure])).toEqual(formats.map((f) => [`api ${f.name}`, undefined]));
    expect(rows.map((r) => r.runs)).toEqual(formats.map(() => 40));
  }, 180_000);

  it('CLI: 6 file and stdin runs per format end with a report, not a crash', async () => {
    const invoke = async (args: readonly string[], stdin: string, file: string, text: string) => {
      const path = join(dir, file);
      writeFileSync(path, text);
      const err: string[] = [];
      const t0 = performance.now();
      const code = await run(
        args.map((a) => (a === 'FILE' ? path : a)),
        {
          stdout: () => {},
          stderr: (t) => void err.push(t),
          readStdin: async () => stdin,
          cwd: dir,
          env: { NO_COLOR: '1' },
          isTTY: false,
        },
      );
      return { code, stderr: err.join(''), ms: performance.now() - t0 };
    };
    const rows = await fuzzCli({ invoke, corpus, seed: 42, budgetMs: 120_000, maxRuns: 6 });
    expect(rows.filter((r) => r.failure)).toEqual([]);
    expect(rows.map((r) => r.runs)).toEqual(rows.map(() => 6));
    expect(summary(rows)).toContain(`all ${rows.length} areas ok`);
  }, 180_000);

  it('reports a format that breaks a promise (the checks can fail)', () => {
    const f = formats[0]!;
    const broken: AnyFormatModule = {
      ...f,
      lint: (t: string) => (t.includes('}') ? JSON.parse('{') : f.lint(t)),
    };
    expect(() => checkFormat(broken, '}')).toThrow();
    const lossy: AnyFormatModule = { ...f, print: () => '' };
    expect(() => checkFormat(lossy, 'x')).toThrow('print(parseCst(text)) !== text');
    const rows = fuzzFormats({ formats: [broken], corpus, seed: 42, budgetMs: 60_000, maxRuns: 200 });
    expect(rows[0]!.failure?.error).toMatch(/JSON|Unexpected|Expected/);
  }, 120_000);
});
