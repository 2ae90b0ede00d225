import { defineLabRule } from '../rule.js';
import { option } from './util.js';

/** A `heartbeat=` mount option that contradicts the cluster's mode makes the mount fail. */
export const fstabHeartbeatMismatch = defineLabRule({
  meta: {
    id: 'fstab-heartbeat-mismatch',
    description: "The fstab `heartbeat=` option agrees with the cluster's `heartbeat_mode`",
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      mismatch: 'Expected `heartbeat={{mode}}` as in cluster.conf, found `{{option}}`',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      for (const e of n.fstab) {
        if (e.fsType.value !== 'ocfs2') continue;
        const hb = option(e, 'heartbeat');
        if (!hb) continue;
        const value = hb.value.slice('heartbeat='.length).toLowerCase();
        for (const c of n.clusters) {
          const mode = (c.heartbeatMode?.value ?? 'local').toLowerCase();
          if (value === mode || value === 'none') continue;
          report({
            messageId: 'mismatch',
            data: { mode, option: hb.value },
            at: hb,
            related: [
              c.heartbeatMode
                ? { ...c.heartbeatMode, message: 'the cluster heartbeat mode is set here' }
                : { ...c.name, message: 'the cluster (default mode `local`)' },
            ],
          });
        }
      }
    }
  },
});
