import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { dump, emit, parse } from '../../src/index.js';
import { configArb } from '../arbitraries.js';
import { NODE, runDrbdadm, stripComments } from '../conformance/drbdadm.js';
import { strip } from '../strip.js';

describe('1,000 random models', () => {
  const models = fc.sample(configArb, { numRuns: 1000, seed: 20261124 });
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-drbd-random-'));
  const paths = models.map((m, i) => {
    const p = join(dir, `m${i}.res`);
    writeFileSync(p, emit(m));
    return p;
  });
  const runs = runDrbdadm(paths, '9');
  it('drbdadm 9 accepts every emitted file and dumps it as we do; parse(emit(m)) gives back m', () => {
    models.forEach((m, i) => {
      const text = emit(m);
      expect(runs[i]!.rc, `${runs[i]!.stderr}\n${text}`).toBe(0);
      const back = parse(text);
      expect(back.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(strip(back.model)).toEqual(strip(m));
      expect(stripComments(dump(back.model, { host: NODE }))).toBe(stripComments(runs[i]!.stdout));
    });
  });
});
