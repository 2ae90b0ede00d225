import { formatDiagnosticLine } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { escapeField, lint, optionSpec, parse, parseFstabNumber, unescapeField } from '../src/index.js';
import { fixture } from './helpers.js';

describe('parse', () => {
  it('reads the fixture', () => {
    const r = parse(fixture());
    expect(r.diagnostics).toEqual([]);
    expect(r.model.entries.map((e) => [e.spec, e.file, e.vfstype, e.freq, e.passno])).toEqual([
      ['UUID=77d95ef5-1c01-49d2-8236-74fcc162cf8b', '/srv/web', 'ocfs2', 0, 0],
      ['LABEL=oradata', '/u02/oradata', 'ocfs2', 0, 0],
      ['/dev/mapper/mpathd', '/srv/logs', 'ocfs2', 0, 0],
      ['/dev/disk/by-label/shared', '/srv/shared data', 'ocfs2', 0, 0],
      ['/dev/sdc1', '/u01', 'ocfs2', 0, 2],
    ]);
    expect(r.model.entries[2]!.options.map((o) => [o.name, o.value])).toEqual([
      ['_netdev', undefined],
      ['noauto', undefined],
      ['errors', 'panic'],
      ['data', 'writeback'],
    ]);
  });

  it('fills missing trailing fields with their defaults', () => {
    const [e] = parse('/dev/sdb1 /data ext4\n').model.entries;
    expect(e).toMatchObject({
      mntops: 'defaults',
      freq: 0,
      passno: 0,
      missing: ['mntops', 'freq', 'passno'],
    });
  });

  it('decodes octal escapes like libmount', () => {
    expect(unescapeField('/a\\040b\\011c\\134d\\12e\\x')).toBe('/a b\tc\\d\\12e\\x');
    expect(escapeField('a b\t\\#')).toBe('a\\040b\\011\\134#');
    expect(escapeField('#x')).toBe('\\043x');
    expect(unescapeField(escapeField('# a\\b\n'))).toBe('# a\\b\n');
    // libmount keeps values as C strings: an escaped NUL ends the value (findmnt prints `a`).
    expect(unescapeField('a\\000b')).toBe('a');
  });

  it('reads numbers as strtol into an int', () => {
    expect(Object.is(parseFstabNumber('-0'), 0)).toBe(true);
    expect(['0', '+2', '-1', '007', '99999999999', '1x', 'x', ''].map(parseFstabNumber)).toEqual([
      0,
      2,
      -1,
      7,
      1215752191,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reports lines libmount ignores, with positions', () => {
    const r = parse('/dev/a /a\n/dev/b\n/dev/c /c ext4 d 0 x\n/dev/d /d ext4 d 0 0 # note\n');
    expect(r.diagnostics.map(formatDiagnosticLine)).toMatchInlineSnapshot(`
      [
        "1:10-1:10 error fstab/missing-field Expected a filesystem type after \`/a\`, found end of line",
        "2:7-2:7 error fstab/missing-field Expected a mount point after \`/dev/b\`, found end of line",
        "3:20-3:21 error fstab/invalid-number Expected a number for fs_passno (fsck pass), found \`x\`",
        "4:22-4:28 warning fstab/extra-field Unexpected \`# note\` after fs_passno",
      ]
    `);
    expect(r.model.entries.map((e) => e.file)).toEqual(['/d']);
  });

  it('never puts user names on prototypes', () => {
    expect(optionSpec('ocfs2', '__proto__')).toBeUndefined();
    expect(optionSpec('__proto__', 'constructor')).toBeUndefined();
    const d = lint(
      '/dev/a /__proto__ ocfs2 __proto__,constructor=1,_netdev 0 0\n/dev/b /__proto__ xfs defaults 0 0\n',
      {
        settings: { systemd: false },
      },
    ).diagnostics;
    expect(d.map((x) => x.code)).toEqual(['option-unknown', 'option-unknown', 'mount-point-duplicate']);
    expect(({} as Record<string, unknown>).constructor).toBe(Object);
  });
});
