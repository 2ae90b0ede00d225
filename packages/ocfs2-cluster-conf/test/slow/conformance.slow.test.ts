import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { emit, format, parse, parseCst, print, simulateO2cbListCluster } from '../../src/index.js';
import { clusterConfFile, opsArb, pickName, replay, Scratch } from '../support/o2cb.js';

// Long runs (npm run test:conformance): thousands of o2cb invocations and 10^5 property runs.
const scratch = new Scratch();
afterAll(() => scratch.dispose());

describe('o2cb agreement at scale', () => {
  it('list-cluster and accept/reject on 3000 generated files', () => {
    fc.assert(
      fc.property(clusterConfFile, (text) => {
        scratch.write(text);
        const name = pickName(text);
        const real = scratch.o2cb('list-cluster', name);
        const ours = simulateO2cbListCluster(text, name, 'cluster.conf');
        expect({ out: ours.stdout, err: ours.stderr, code: ours.exitCode }).toEqual({
          out: real.stdout,
          err: real.stderr,
          code: real.status,
        });
        expect(parse(text).diagnostics.some((d) => d.severity === 'error')).toBe(real.status !== 0);
      }),
      { numRuns: 3000 },
    );
  });

  it('500 command sequences: o2cb file = our emit; our edits mean the same and format to it', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const { o2cb, ours } = replay(scratch, ops);
        expect(emit(parse(o2cb).model)).toBe(o2cb);
        // Edits insert and delete stanzas but never move existing ones. o2cb rewrites the whole
        // file, and in a multi-cluster file a new heartbeat or node can move a whole group of
        // stanzas (see o2cbOrder); so the edited text must mean the same, and `format` must give
        // o2cb's exact bytes.
        expect(parse(ours).model).toEqual(parse(o2cb).model);
        expect(format(ours).text).toBe(o2cb);
      }),
      { numRuns: 500 },
    );
  });
});

describe('lossless at scale', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 2000 })], { numRuns: 100_000 })('arbitrary text', (s) => {
    expect(print(parseCst(s))).toBe(s);
  });
  test.prop([clusterConfFile], { numRuns: 100_000 })('generated files', (s) => {
    expect(print(parseCst(s))).toBe(s);
  });
});
