import { mountPointDuplicate } from './rules/mount-point-duplicate.js';
import { mountPointRelative } from './rules/mount-point-relative.js';
import { networkDeviceNetdev } from './rules/network-device-netdev.js';
import { ocfs2Datavolume } from './rules/ocfs2-datavolume.js';
import { ocfs2DeviceName } from './rules/ocfs2-device-name.js';
import { ocfs2ErrorsContinue } from './rules/ocfs2-errors-continue.js';
import { ocfs2HeartbeatOption } from './rules/ocfs2-heartbeat-option.js';
import { ocfs2Netdev } from './rules/ocfs2-netdev.js';
import { ocfs2Nocluster } from './rules/ocfs2-nocluster.js';
import { ocfs2Passno } from './rules/ocfs2-passno.js';
import { ocfs2ResvLevel } from './rules/ocfs2-resv-level.js';
import { ocfs2SystemdRequires } from './rules/ocfs2-systemd-requires.js';
import { optionConflict } from './rules/option-conflict.js';
import { optionUnknown } from './rules/option-unknown.js';
import { optionValue } from './rules/option-value.js';

/** Every fstab lint rule, in the order they run; `fstabFormat` keys them by id. */
export const ruleList = [
  ocfs2Netdev,
  networkDeviceNetdev,
  ocfs2SystemdRequires,
  ocfs2HeartbeatOption,
  ocfs2Datavolume,
  ocfs2Nocluster,
  ocfs2Passno,
  ocfs2DeviceName,
  optionUnknown,
  optionValue,
  optionConflict,
  ocfs2ErrorsContinue,
  ocfs2ResvLevel,
  mountPointDuplicate,
  mountPointRelative,
] as const;

/** The settings fstab's rules read: facts from outside the file. */
export const settings = {
  heartbeatMode: {
    type: 'string',
    values: ['local', 'global'],
    description:
      "The cluster's `heartbeat_mode` from cluster.conf; a contradicting `heartbeat=` option becomes an error",
  },
  systemd: {
    type: 'boolean',
    description:
      'Whether the host boots with systemd (default true); `false` silences `ocfs2-systemd-requires`',
  },
} as const;
