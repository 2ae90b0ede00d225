import { defineLabRule } from '../rule.js';
import { clusterFileSystems, drbdMounts, resourceForDevice } from './util.js';

/** The kernel refuses two primaries without protocol C; a cluster file system needs both. */
export const clusterFsProtocol = defineLabRule({
  meta: {
    id: 'cluster-fs-protocol',
    description: 'A DRBD device that carries a cluster file system replicates with protocol C',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      protocol:
        'Expected `protocol C` in resource `{{resource}}`, found `{{protocol}}`: `{{fs}}` needs two primaries, which need synchronous replication',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      for (const e of drbdMounts(n)) {
        if (!clusterFileSystems.has(e.fsType.value)) continue;
        const r = resourceForDevice(n, e.spec.value);
        if (!r?.protocol || r.protocol.value.toUpperCase() === 'C') continue;
        report({
          messageId: 'protocol',
          data: { resource: r.name.value, protocol: r.protocol.value, fs: e.fsType.value },
          at: r.protocol,
          related: [{ ...e.fsType, message: 'the cluster file system is mounted here' }],
        });
      }
    }
  },
});
