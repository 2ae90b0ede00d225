import { applyEdits } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { edit, emit, lint, parse } from '../src/index.js';

// The examples of README.md and docs/fstab.md, with the results they claim.
describe('documented examples', () => {
  it('docs quick start', () => {
    const text = '/dev/drbd0  /srv/shared  ocfs2  defaults,datavolume  0 2\n';
    expect(parse(text).model.entries[0]).toMatchObject({
      spec: '/dev/drbd0',
      file: '/srv/shared',
      vfstype: 'ocfs2',
      mntops: 'defaults,datavolume',
      freq: 0,
      passno: 2,
      missing: [],
    });
    expect(
      lint(text).diagnostics.map(
        (d) => `${d.position.start.line}:${d.position.start.column} ${d.severity} ${d.code}`,
      ),
    ).toEqual([
      '1:33 error ocfs2-netdev',
      '1:33 warning ocfs2-systemd-requires',
      '1:42 error ocfs2-datavolume',
      '1:56 warning ocfs2-passno',
    ]);
    expect(lint(text, { fix: true }).output).toBe(
      '/dev/drbd0  /srv/shared  ocfs2  defaults,_netdev,x-systemd.requires=o2cb.service  0 0\n',
    );
    expect(applyEdits(text, edit.addOption(text, '/srv/shared', 'noatime'))).toContain(
      'defaults,datavolume,noatime',
    );
    expect(
      emit(
        { entries: [{ spec: 'LABEL=web', file: '/srv/web', vfstype: 'ocfs2', mntops: '_netdev' }] },
        { header: true },
      ),
    ).toBe(
      '# <file system> <mount point> <type> <options> <dump> <pass>\nLABEL=web       /srv/web      ocfs2  _netdev   0      0\n',
    );
  });

  it('README use', () => {
    const text = '/dev/drbd0 /srv/shared ocfs2 defaults 0 0\n';
    expect(lint(text).diagnostics[0]?.message).toBe(
      'Missing `_netdev` in the options of the OCFS2 mount at `/srv/shared` on DRBD device `/dev/drbd0`',
    );
    expect(lint(text, { fix: true }).output).toBe(
      '/dev/drbd0 /srv/shared ocfs2 defaults,_netdev,x-systemd.requires=o2cb.service 0 0\n',
    );
    expect(applyEdits(text, edit.setField(text, '/srv/shared', 'spec', 'LABEL=shared'))).toBe(
      'LABEL=shared /srv/shared ocfs2 defaults 0 0\n',
    );
    expect(
      emit({
        entries: [{ spec: 'LABEL=shared', file: '/srv/shared data', vfstype: 'ocfs2', mntops: '_netdev' }],
      }),
    ).toBe('LABEL=shared /srv/shared\\040data ocfs2 _netdev 0 0\n');
  });
});
