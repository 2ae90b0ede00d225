import { test } from '@fast-check/vitest';
import { FtkitError, formatIssuePath } from '@ftkit/core';
import { describe, expect } from 'vitest';
import { emit } from '../src/index.js';
import { drbd } from '../src/schema-entry.js';
import { configArb } from './arbitraries.js';
import { mutate, mutationArb } from './build-mutations.js';

// The fast half of test/conformance/builders.test.ts (which also asks drbdadm 9): valid random
// models pass the builder unchanged, and one invalid change is refused with its field path.
describe('builders on random models', () => {
  test.prop([configArb], { numRuns: 100, seed: 20261207 })('pass valid models unchanged', (m) => {
    expect(emit(drbd.config(m))).toBe(emit(m));
  });
  test.prop([configArb, mutationArb], { numRuns: 200, seed: 20261207 })(
    'refuse an invalid change, naming its path',
    (m, mu) => {
      const { model, path } = mutate(m, mu);
      let error: unknown;
      try {
        drbd.config(model);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FtkitError);
      expect((error as FtkitError).issues.map((i) => formatIssuePath(i.path))).toContain(path);
    },
  );
});
