import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc } from '@fast-check/vitest';
import { FtkitError, formatIssuePath } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { emit } from '../../src/index.js';
import { drbd } from '../../src/schema-entry.js';
import { configArb } from '../arbitraries.js';
import { mutate, mutationArb } from '../build-mutations.js';
import { runDrbdadm } from './drbdadm.js';

// Models from the arbitraries pass the builder and drbdadm 9 accepts them; the same models with
// one invalid change are refused by the builder, naming the changed field, and by drbdadm.

describe('builders agree with drbdadm 9 on random models', () => {
  const samples = fc.sample(fc.tuple(configArb, mutationArb), { numRuns: 40, seed: 20261207 });
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-drbd-build-'));
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const mutated = samples.map(([m, mu]) => mutate(m, mu));
  const files = samples.flatMap(([m], i) => [
    write(`ok${i}.res`, emit(m)),
    // the mutated model written without the builder, to ask drbdadm about it
    write(`bad${i}.res`, emit(mutated[i]!.model)),
  ]);
  const runs = runDrbdadm(files, '9');

  it('accepts what the builder accepts', () => {
    samples.forEach(([m], i) => {
      const built = drbd.config(m);
      expect(emit(built)).toBe(emit(m));
      expect(runs[2 * i]!.rc, runs[2 * i]!.stderr).toBe(0);
    });
  });
  it('refuses what the builder refuses, and the builder names the changed field', () => {
    expect(new Set(samples.map(([, mu]) => mu.kind)).size, 'every kind of mutation is tried').toBe(4);
    samples.forEach(([, mu], i) => {
      const { model, path } = mutated[i]!;
      let error: unknown;
      try {
        drbd.config(model);
      } catch (e) {
        error = e;
      }
      expect(error, mu.kind).toBeInstanceOf(FtkitError);
      expect(
        (error as FtkitError).issues.map((x) => formatIssuePath(x.path)),
        mu.kind,
      ).toContain(path);
      expect(runs[2 * i + 1]!.rc, `${mu.kind}: drbdadm accepted\n${emit(model)}`).not.toBe(0);
    });
  });
});
