import { defineLabRule } from '../rule.js';
import { clusterFileSystems, drbdMounts, resourceForDevice } from './util.js';

/** With two primaries and no fencing, a split brain lets both sides write diverging data. */
export const clusterFsFencing = defineLabRule({
  meta: {
    id: 'cluster-fs-fencing',
    description: 'A dual-primary DRBD device with a cluster file system has fencing and a fence-peer handler',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      fencing:
        'Expected `fencing resource-and-stonith` in dual-primary resource `{{resource}}`, found `{{fencing}}`',
      handler: 'Missing `fence-peer` handler in resource `{{resource}}`: fencing never runs without one',
    },
  },
  check({ facts, report }) {
    const done = new Set<string>();
    for (const n of facts.nodes) {
      for (const e of drbdMounts(n)) {
        if (!clusterFileSystems.has(e.fsType.value)) continue;
        const r = resourceForDevice(n, e.spec.value);
        if (!r?.allowTwoPrimaries?.value || done.has(r.file)) continue;
        done.add(r.file);
        const related = [{ ...e.fsType, message: 'the cluster file system is mounted here' }];
        if (r.fencing?.value !== 'resource-and-stonith') {
          report({
            messageId: 'fencing',
            data: { resource: r.name.value, fencing: r.fencing?.value ?? 'dont-care' },
            at: r.fencing ?? r.allowTwoPrimaries,
            related,
          });
        } else if (!r.fencePeer) {
          report({ messageId: 'handler', data: { resource: r.name.value }, at: r.fencing, related });
        }
      }
    }
  },
});
