import { defineLabRule } from '../rule.js';
import { sameHost } from './util.js';

/** A node's DRBD `address` and its cluster.conf `ip_address` must be the same IP. */
export const nodeAddressMismatch = defineLabRule({
  meta: {
    id: 'node-address-mismatch',
    description: 'A node has the same IP address in the DRBD resource and in cluster.conf',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      mismatch: 'Expected `{{name}}` to have address `{{clusterIp}}` as in cluster.conf, found `{{drbdIp}}`',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      for (const r of n.drbd) {
        for (const h of r.hosts) {
          if (!h.address) continue;
          for (const c of n.clusters) {
            const cn = c.nodes.find((x) => sameHost(x.name.value, h.name.value));
            if (!cn?.ip || cn.ip.value === h.address.value) continue;
            report({
              messageId: 'mismatch',
              data: { name: h.name.value, clusterIp: cn.ip.value, drbdIp: h.address.value },
              at: h.address,
              related: [{ ...cn.ip, message: `cluster.conf gives \`${cn.name.value}\` this address` }],
            });
          }
        }
      }
    }
  },
});
