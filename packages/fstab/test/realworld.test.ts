import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnosticLine } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { lint, parse, parseCst, print } from '../src/index.js';
import { readRealworld, realworldDir, realworldFiles } from './realworld-support.js';

// fstab lines for OCFS2 volumes from how-tos, cloud-init and Terraform scripts and RAC install
// notes; test/conformance/realworld.test.ts compares them with findmnt.

describe('real fstab files', () => {
  it('has a source for every sample', () => {
    const sources = readFileSync(join(realworldDir, 'SOURCES.md'), 'utf8');
    for (const f of realworldFiles) expect(sources, f).toContain(`\`${f}\``);
    expect(realworldFiles.length).toBe(5);
  });

  it.each(realworldFiles)('%s prints losslessly and parses without errors', (name) => {
    const text = readRealworld(name);
    expect(print(parseCst(text))).toBe(text);
    expect(parse(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('lint reports what the snapshot shows', async () => {
    const out: string[] = [];
    for (const name of realworldFiles) {
      out.push(
        `## ${name}`,
        ...lint(readRealworld(name), { fileName: name }).diagnostics.map(formatDiagnosticLine),
      );
    }
    await expect(`${out.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/realworld.lint.txt');
  });
});
