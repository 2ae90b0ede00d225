import { test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { parse } from '../../src/index.js';
import { fileArb, GEN_NAMES, sourceWithShell } from '../helpers.js';

// 2,000 generated files each through dash and bash: our values equal the shells' values for
// every file the parser reads without recovery lines.
test.prop([fileArb], { numRuns: 2000 })('generated files agree with dash and bash', (text) => {
  const r = parse(text);
  if (r.cst.lines.some((l) => l.type === 'recovery')) return;
  for (const shell of ['dash', 'bash']) {
    const got = sourceWithShell(shell, text, GEN_NAMES);
    for (const n of GEN_NAMES) {
      expect(Object.hasOwn(r.model.variables, n) ? r.model.variables[n] : undefined, `${shell} ${n}`).toBe(
        got.get(n),
      );
    }
  }
});
