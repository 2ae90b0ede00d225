import { describe, expect, it } from 'vitest';
import { type LabFormatName, labFileKind } from '../src/index.js';
import { labFormats } from '../src/lab/formats.js';

describe('labFileKind', () => {
  it('names each lab format by its descriptor', () => {
    const names: LabFormatName[] = ['drbd-conf', 'fstab', 'o2cb-defaults', 'ocfs2-cluster-conf'];
    expect(labFormats.map((f) => f.name).sort()).toEqual(names);
  });

  it('takes the formats from the descriptors, the lab kinds from the lab', () => {
    const kinds = Object.fromEntries(
      [
        'etc/hostname',
        'etc/drbd.conf',
        'etc/drbd.d/r0.res',
        'etc/drbd.d/global_common.conf',
        'etc/ocfs2/cluster.conf',
        'etc/default/o2cb',
        'etc/sysconfig/o2cb',
        'etc/fstab',
        'etc/fstab.d/ftkit-lab.fstab',
        'home/borg/.ssh/authorized_keys',
        'root/.ssh/authorized_keys',
        'etc/systemd/system/borg-backup.timer',
        'usr/lib/systemd/system/drbd.service',
      ].map((rel) => [rel, labFileKind(rel)]),
    );
    expect(kinds).toEqual({
      'etc/hostname': 'hostname',
      'etc/drbd.conf': 'drbd-conf',
      'etc/drbd.d/r0.res': 'drbd-conf',
      'etc/drbd.d/global_common.conf': 'drbd-conf',
      'etc/ocfs2/cluster.conf': 'ocfs2-cluster-conf',
      'etc/default/o2cb': 'o2cb-defaults',
      'etc/sysconfig/o2cb': 'o2cb-defaults',
      'etc/fstab': 'fstab',
      'etc/fstab.d/ftkit-lab.fstab': 'fstab',
      'home/borg/.ssh/authorized_keys': 'authorized-keys',
      'root/.ssh/authorized_keys': 'authorized-keys',
      'etc/systemd/system/borg-backup.timer': 'systemd-unit',
      'usr/lib/systemd/system/drbd.service': 'systemd-unit',
    });
  });

  it('skips files that only share a format name', () => {
    // Shipped by Debian 12's drbd-utils (`dpkg -L drbd-utils`): none is a DRBD configuration.
    for (const rel of [
      'etc/multipath/conf.d/drbd.conf',
      'lib/modules-load.d/drbd.conf',
      'usr/lib/tmpfiles.d/drbd.conf',
      // ocfs2-tools' example, and files outside the node's configuration.
      'usr/share/doc/ocfs2-tools/examples/cluster.conf',
      'home/borg/r0.res',
      'etc/ssh/authorized_keys',
      'etc/hostname.bak',
    ])
      expect(labFileKind(rel), rel).toBeUndefined();
  });
});
