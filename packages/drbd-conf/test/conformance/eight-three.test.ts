import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fsReader } from '@ftkit/core/node';
import { describe, expect, it } from 'vitest';
import { dump, parse } from '../../src/index.js';
import { type NodeRun, runDrbdadm, runDrbdadmAs, type ToolRun } from './drbdadm.js';

// DRBD 8.3: drbdadm-83 (shipped by drbd-utils) is the oracle for what parse({ drbdVersion: '8.3' })
// accepts and for what dump({ drbdVersion: '8.3' }) prints, over the conformance corpus and the
// real-world files.
const corpusDir = join(import.meta.dirname, '../fixtures/corpus');
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.res'))
  .sort()
  .map((f) => join(corpusDir, f));
const realDir = join(import.meta.dirname, '../fixtures/realworld');
const real: NodeRun[] = readFileSync(join(realDir, 'manifest.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'))
  .map((l) => {
    const [file, , node, ips] = l.split('\t');
    return { file: join(realDir, file!), node: node!, ips: ips === '-' ? [] : ips!.split(',') };
  });
const reader = fsReader({ root: '/' });

/** drbdadm-83 accepted the file: exit 0, or exit 1 with "no resources defined!" (a file of only global/common). */
const accepted = (run: ToolRun) => run.rc === 0 || (run.rc === 1 && /no resources defined!/.test(run.stderr));

function check(file: string, run: ToolRun, host: string) {
  const r = parse(readFileSync(file, 'utf8'), { drbdVersion: '8.3', fileName: file, reader });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  const clean = (s: string) =>
    s
      .split('\n')
      .filter((l) => l.trim() !== '' && !/PRETENDING|found __DRBD_NODE__|modinfo/.test(l))
      .join(' ');
  expect(
    { accepted: errors.length === 0 },
    `ftkit: ${errors.map((d) => `${d.position.start.line}: ${d.message}`).join(' | ') || 'accepted'}\ndrbdadm-83 (${run.rc}): ${clean(run.stderr)}`,
  ).toEqual({ accepted: accepted(run) });
  // drbdadm-83's whole dump (its layout, comment lines included) for every file it accepts
  if (run.rc === 0) expect(dump(r.model, { host, drbdVersion: '8.3', configPath: file })).toBe(run.stdout);
}

describe('drbdadm-83 over the corpus', () => {
  const runs = runDrbdadm(corpus, '8.3');
  it.each(corpus.map((f, i) => [f.slice(corpusDir.length + 1), i] as const))('%s', (_n, i) =>
    check(corpus[i]!, runs[i]!, 'alice'),
  );
});

describe('drbdadm-83 over the real-world files', () => {
  const runs = runDrbdadmAs(real, '8.3');
  it.each(real.map((r, i) => [r.file.slice(realDir.length + 1), i] as const))('%s', (_n, i) =>
    check(real[i]!.file, runs[i]!, real[i]!.node),
  );
});
