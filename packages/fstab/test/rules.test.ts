import { describe, expect, it } from 'vitest';
import { describeRuleDocs } from '../../../test-support/rule-docs.js';
import { fstabFormat } from '../src/format.js';
import { lint } from '../src/index.js';
import { fixture } from './helpers.js';

describeRuleDocs(fstabFormat);

describe('rules on the fixture', () => {
  it('report exactly the problems the fixture was written to show', () => {
    const got = lint(fixture(), { settings: { heartbeatMode: 'local' } }).diagnostics.map(
      (d) => `${d.position.start.line}:${d.position.start.column} ${d.severity} ${d.code}`,
    );
    expect(got).toEqual([
      '5:68 warning ocfs2-systemd-requires',
      '9:72 warning ocfs2-systemd-requires',
      '12:1 info ocfs2-device-name',
      '12:68 error ocfs2-netdev',
      '12:68 warning ocfs2-systemd-requires',
      '12:77 error ocfs2-datavolume',
      '12:88 warning ocfs2-heartbeat-option',
      '12:124 warning ocfs2-passno',
    ]);
  });

  it('makes a contradicting heartbeat mode an error with the cluster.conf setting', () => {
    const d = lint(fixture(), { settings: { heartbeatMode: 'global' } }).diagnostics.find(
      (x) => x.code === 'ocfs2-heartbeat-option',
    );
    expect(d?.severity).toBe('error');
  });

  it('explains DRBD devices and fixes everything fixable', () => {
    const t = '/dev/drbd0 /srv/shared ocfs2 defaults 0 0\n/dev/drbd1 /srv/local ext4 defaults 0 2\n';
    const d = lint(t, { settings: { systemd: false } }).diagnostics;
    expect(d.map((x) => x.message)).toEqual([
      'Missing `_netdev` in the options of the OCFS2 mount at `/srv/shared` on DRBD device `/dev/drbd0`',
      'Missing `_netdev` for `/dev/drbd1`, a DRBD device that needs the network',
    ]);
    expect(lint(t, { fix: true }).output).toBe(
      '/dev/drbd0 /srv/shared ocfs2 defaults,_netdev,x-systemd.requires=o2cb.service 0 0\n/dev/drbd1 /srv/local ext4 defaults,_netdev 0 2\n',
    );
  });

  it('checks ext4 and xfs options with did-you-mean', () => {
    const d = lint(
      '/dev/a /a ext4 errors=remount-ro,noatme,data=journal 0 1\n/dev/b /b xfs nobarrier,logbufs=9 0 2\n',
    ).diagnostics;
    expect(d.map((x) => `${x.severity} ${x.message}`)).toEqual([
      'warning Unknown ext4 mount option `noatme`; did you mean `noatime`?',
      'warning Unknown xfs mount option `nobarrier`',
      'warning Expected a number from 2 to 8 for `logbufs`, found `9`',
    ]);
  });
});
