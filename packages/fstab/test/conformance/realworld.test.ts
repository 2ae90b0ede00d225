import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { findmnt } from '../helpers.js';
import { readRealworld, realworldFiles } from '../realworld-support.js';

// Every real fstab sample read by util-linux findmnt (libmount, --tab-file): we list the same
// entries with the same fields, and parse errors on exactly the lines libmount rejects.
describe('findmnt on real fstab files', () => {
  it.each(realworldFiles)('%s', (name) => {
    const text = readRealworld(name);
    const ours = parse(text);
    const theirs = findmnt(text);
    expect(
      ours.diagnostics
        .filter((d) => d.code === 'fstab/missing-field' || d.code === 'fstab/invalid-number')
        .map((d) => d.position.start.line),
    ).toEqual(theirs.errorLines);
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
    expect(theirs.entries.length).toBeGreaterThan(0);
  });
});
