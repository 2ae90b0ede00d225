import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { undocumentedExports } from '../../../test-support/tsdoc.js';

// Every public export carries TSDoc (STYLE: units, bases and bounds stated there).
describe('public API documentation', () => {
  it('has TSDoc on every export of @ftkit/borg', { timeout: 120_000 }, () => {
    expect(undocumentedExports(fileURLToPath(new URL('../src/index.ts', import.meta.url)))).toEqual([]);
  });
});
