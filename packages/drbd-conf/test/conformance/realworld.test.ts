import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fsReader } from '@ftkit/core/node';
import { describe, expect, it } from 'vitest';
import { dump, lint, parse } from '../../src/index.js';
import { type NodeRun, runDrbdadmAs } from './drbdadm.js';

// Configuration files people wrote (see fixtures/realworld/SOURCES.md), each run through the
// real drbdadm 9 and drbdadm-84 as the node and with the addresses manifest.tsv gives.
const dir = join(import.meta.dirname, '../fixtures/realworld');
const rows = readFileSync(join(dir, 'manifest.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))
  .map((l) => {
    const [file, era, node, ips] = l.split('\t');
    return { file: file!, era: era!, node: node!, ips: ips === '-' ? [] : ips!.split(',') };
  });
const runs: NodeRun[] = rows.map((r) => ({ file: join(dir, r.file), node: r.node, ips: r.ips }));
const reader = fsReader({ root: dir });
const errorsOf = (ds: readonly { severity: string }[]) => ds.filter((d) => d.severity === 'error');
const show = (ds: readonly { position: { start: { line: number } }; message: string }[]) =>
  ds.map((d) => `${d.position.start.line}: ${d.message}`).join(' | ') || 'accepted';

describe.each(['9', '8.4'] as const)('real-world files against drbdadm %s', (version) => {
  const results = runDrbdadmAs(runs, version);
  it.each(rows.map((r, i) => [r.file, i] as const))('%s', (_name, i) => {
    const row = rows[i]!;
    const path = runs[i]!.file;
    const text = readFileSync(path, 'utf8');
    const run = results[i]!;
    const r = parse(text, { drbdVersion: version, fileName: path, reader, root: dir });
    const ours = errorsOf(r.diagnostics).length === 0;
    expect(
      { accepted: ours },
      `ftkit: ${show(errorsOf(r.diagnostics) as never)}\ndrbdadm: ${run.stderr}`,
    ).toEqual({
      accepted: run.rc === 0,
    });
    if (!ours) return;
    // the whole output, comment lines included (`# resource … ignored`, `# on …` of stacked hosts)
    expect(
      dump(r.model, {
        host: row.node,
        drbdVersion: version,
        configPath: path,
        definedAt: (x) => r.definedAt(x),
      }),
    ).toBe(run.stdout);
    // the same from the text, reading and printing in one call
    expect(
      dump(text, {
        host: row.node,
        drbdVersion: version,
        configPath: path,
        definedAt: true,
        fileName: path,
        reader,
        root: dir,
      }),
    ).toBe(run.stdout);
  });
});

describe('lint without a version on real-world files drbdadm accepts', () => {
  // the drbdadm of the file's era: 9 for DRBD 9 files, drbdadm-84 for 8.4 and 8.3 files
  const nine = runDrbdadmAs(runs, '9');
  const old = runDrbdadmAs(runs, '8.4');
  it.each(rows.map((r, i) => [r.file, i] as const))('%s', (_name, i) => {
    const row = rows[i]!;
    const accepted = (row.era === '9' ? nine : old)[i]!.rc === 0;
    const text = readFileSync(runs[i]!.file, 'utf8');
    const r = lint(text, { fileName: runs[i]!.file, reader, root: dir });
    if (accepted) expect(show(errorsOf(r.diagnostics) as never)).toBe('accepted');
    else expect(errorsOf(r.diagnostics).length).toBeGreaterThan(0);
  });
});
