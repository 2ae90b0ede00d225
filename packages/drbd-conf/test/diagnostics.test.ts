import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnosticLine } from '@ftkit/core';
import { expect, it } from 'vitest';
import { parse } from '../src/index.js';

const dir = join(import.meta.dirname, 'fixtures/corpus');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.res'))
  .sort();

// Every corpus file's diagnostics in both versions, as reviewable `line:col code message` lines.
it('corpus diagnostics', async () => {
  const out: string[] = [];
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    for (const v of ['9', '8.4'] as const) {
      const lines = parse(text, { drbdVersion: v }).diagnostics.map(
        (d) => `  ${formatDiagnosticLine(d)}${d.note ? `\n      note: ${d.note}` : ''}`,
      );
      out.push(`${f} [${v}]${lines.length ? `\n${lines.join('\n')}` : ' (clean)'}`);
    }
  }
  await expect(`${out.join('\n')}\n`).toMatchFileSnapshot('fixtures/corpus.diagnostics.snap');
});

// A long token is shortened with core's shortenText: 37 code units and `...`, never half of a
// surrogate pair (an emoji at the cut goes whole).
it('quotes a long found token shortened, without splitting a character', () => {
  const word = `"${'a'.repeat(35)}😀${'b'.repeat(10)}"`;
  const d = parse(`resource r0 {\n  net { protocol C ${word}; }\n}\n`).diagnostics[0]!;
  expect(d.message).toBe(`Expected \`;\`, found \`"${'a'.repeat(35)}...\``);
  const long = `x${'y'.repeat(50)}`;
  expect(parse(`resource r0 {\n  net { protocol C ${long}; }\n}\n`).diagnostics[0]!.message).toBe(
    `Expected \`;\`, found \`${long.slice(0, 37)}...\``,
  );
});
