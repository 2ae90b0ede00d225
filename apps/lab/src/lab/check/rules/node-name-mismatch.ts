import { defineLabRule } from '../rule.js';
import { clusterFileSystems, drbdMounts, resourceForDevice, sameHost } from './util.js';

/** Every host of a DRBD resource that carries OCFS2 must be a node of the cluster. */
export const nodeNameMismatch = defineLabRule({
  meta: {
    id: 'node-name-mismatch',
    description: 'The hosts of a DRBD resource that carries OCFS2 are nodes of the OCFS2 cluster',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      missing:
        'Unknown cluster node `{{name}}`: DRBD resource `{{resource}}` replicates to it but cluster `{{cluster}}` has no such node',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      for (const e of drbdMounts(n)) {
        if (!clusterFileSystems.has(e.fsType.value)) continue;
        const r = resourceForDevice(n, e.spec.value);
        if (!r) continue;
        for (const c of n.clusters) {
          for (const h of r.hosts) {
            if (c.nodes.some((cn) => sameHost(cn.name.value, h.name.value))) continue;
            report({
              messageId: 'missing',
              data: { name: h.name.value, resource: r.name.value, cluster: c.name.value },
              at: h.name,
              related: [
                { ...c.name, message: 'the cluster is defined here' },
                { file: e.file, span: e.fsType.span, message: 'the resource carries OCFS2 here' },
              ],
            });
          }
        }
      }
    }
  },
});
