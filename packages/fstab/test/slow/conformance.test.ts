import { test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { parse } from '../../src/index.js';
import { fileArb, findmnt } from '../helpers.js';

// 3,000 generated fstabs through findmnt --tab-file: same entries, same rejected lines.
test.prop([fileArb], { numRuns: 3000 })('generated files agree with libmount', (text) => {
  const ours = parse(text);
  const theirs = findmnt(text);
  expect(ours.diagnostics.filter((d) => d.severity === 'error').map((d) => d.position.start.line)).toEqual(
    theirs.errorLines,
  );
  expect(
    ours.model.entries.map((e) => ({
      spec: e.spec,
      file: e.file,
      vfstype: e.vfstype,
      mntops: e.missing.includes('mntops') ? '' : e.mntops,
      freq: e.freq,
      passno: e.passno,
    })),
  ).toEqual(theirs.entries);
});
