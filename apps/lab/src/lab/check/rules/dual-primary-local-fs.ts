import { defineLabRule } from '../rule.js';
import { clusterFileSystems, drbdMounts, resourceForDevice } from './util.js';

/** Two primaries writing a non-cluster file system corrupt it. */
export const dualPrimaryLocalFs = defineLabRule({
  meta: {
    id: 'dual-primary-local-fs',
    description: 'A dual-primary DRBD device carries a cluster file system',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      local:
        'Expected a cluster file system such as `ocfs2` on dual-primary resource `{{resource}}`, found `{{fs}}`: two writers corrupt it',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      for (const e of drbdMounts(n)) {
        if (clusterFileSystems.has(e.fsType.value) || e.fsType.value === 'swap') continue;
        const r = resourceForDevice(n, e.spec.value);
        if (!r?.allowTwoPrimaries?.value) continue;
        report({
          messageId: 'local',
          data: { resource: r.name.value, fs: e.fsType.value },
          at: e.fsType,
          related: [{ ...r.allowTwoPrimaries, message: 'the resource allows two primaries here' }],
        });
      }
    }
  },
});
