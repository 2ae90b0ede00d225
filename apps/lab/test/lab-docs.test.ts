import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillMarkers, rulesTableMarkdown, specReferenceMarkdown } from '../src/index.js';

const page = join(import.meta.dirname, '../../../docs/lab.md');

describe('docs/lab.md', () => {
  it('has the spec reference and rules table generated from the schema and the rules', () => {
    const text = readFileSync(page, 'utf8');
    const expected = fillMarkers(
      fillMarkers(text, 'spec-reference', specReferenceMarkdown()),
      'rules',
      rulesTableMarkdown(),
    );
    // FTKIT_UPDATE_DOCS=1 npx vitest run test/lab-docs.test.ts rewrites the generated parts.
    if (process.env.FTKIT_UPDATE_DOCS === '1') writeFileSync(page, expected);
    expect(text).toBe(expected);
  });
});
