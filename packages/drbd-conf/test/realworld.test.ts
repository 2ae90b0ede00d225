import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnosticLine } from '@ftkit/core';
import { expect, it } from 'vitest';
import { parse, parseCst, print } from '../src/index.js';

// Every real-world file (fixtures/realworld/SOURCES.md) is read losslessly, and its diagnostics in
// both versions are kept as a reviewable snapshot. drbdadm itself is compared in conformance/.
const dir = join(import.meta.dirname, 'fixtures/realworld');
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => statSync(join(dir, f)).isFile() && !['SOURCES.md', 'manifest.tsv'].includes(f))
  .sort();

it.each(files)('%s prints back byte for byte', (f) => {
  const text = readFileSync(join(dir, f), 'utf8');
  expect(print(parseCst(text))).toBe(text);
});

it('real-world diagnostics', async () => {
  const out: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    for (const v of ['9', '8.4'] as const) {
      const lines = parse(text, { drbdVersion: v }).diagnostics.map((d) => `  ${formatDiagnosticLine(d)}`);
      out.push(`${f} [${v}]${lines.length ? `\n${lines.join('\n')}` : ' (clean)'}`);
    }
  }
  await expect(`${out.join('\n')}\n`).toMatchFileSnapshot('fixtures/realworld.diagnostics.snap');
});
