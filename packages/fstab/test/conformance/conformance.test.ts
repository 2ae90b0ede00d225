import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { emit, parse } from '../../src/index.js';
import { fileArb, findmnt, fixture, requireFindmnt } from '../helpers.js';

// Oracle: util-linux findmnt (libmount) reading the same file with --tab-file. Our model must list
// exactly the entries libmount lists, with the same decoded fields, and our parse errors must be
// exactly on the lines libmount reports as parse errors.

function agree(text: string): void {
  const ours = parse(text);
  const theirs = findmnt(text);
  const errorLines = ours.diagnostics
    .filter((d) => d.code === 'fstab/missing-field' || d.code === 'fstab/invalid-number')
    .map((d) => d.position.start.line);
  expect(errorLines, JSON.stringify(text)).toEqual(theirs.errorLines);
  expect(
    ours.model.entries.map((e) => ({
      spec: e.spec,
      file: e.file,
      vfstype: e.vfstype,
      mntops: e.missing.includes('mntops') ? '' : e.mntops,
      freq: e.freq,
      passno: e.passno,
    })),
    JSON.stringify(text),
  ).toEqual(theirs.entries);
}

describe('conformance with findmnt (libmount)', () => {
  it('is installed', () => {
    requireFindmnt();
  });

  it('reads the fixture as libmount does', () => {
    agree(fixture());
  });

  it('agrees on the edge cases probed by hand', () => {
    agree(
      '/dev/a /a ext4 d 01 1x\n/dev/b /b ext4 d -1 +2\n/dev/c /c\\0401 ext4 d 99999999999 0\n/dev/d /d\\x\\\\y\\12 ext4 d\n/dev/e\t/e\text4\td\t0\t0\r\n\r\n\t#x\n/dev/g /g ext4 d 0 0 0\n/dev/h /h ext4 d 0  # c\n/dev/i /i ext4 ,, 0 0\n',
    );
  });

  it('reads a file whose first entry starts with two numbers as fstab (findmnt needs --fstab)', () => {
    agree('1-1 /a ext4\n12 34 xfs\n/dev/a /a ext4\n');
  });

  test.prop([fileArb], { numRuns: 60 })('generated files', (text) => {
    agree(text);
  });

  test.prop(
    [
      fc.array(
        fc.record({
          spec: fc.string({ minLength: 1, maxLength: 6 }),
          file: fc.string({ minLength: 1, maxLength: 6 }),
        }),
        { minLength: 1, maxLength: 5 },
      ),
    ],
    { numRuns: 30 },
  )('emitted files read back identically through libmount', (rows) => {
    const clean = rows.map((r) => ({
      spec: r.spec.replace(/[\0\r\v\f]/g, 'x'),
      file: `/${r.file.replace(/[\0\r\v\f]/g, 'x')}`,
      vfstype: 'ext4',
    }));
    const text = emit({ entries: clean });
    const theirs = findmnt(text);
    expect(theirs.errorLines).toEqual([]);
    expect(theirs.entries.map((e) => [e.spec, e.file])).toEqual(clean.map((e) => [e.spec, e.file]));
  });
});
