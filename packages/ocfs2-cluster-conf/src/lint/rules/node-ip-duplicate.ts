import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

/** ND-DUP-IP: the kernel refuses a second node with the same IPv4 address (EEXIST). */
export const nodeIpDuplicate = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'node-ip-duplicate',
    description: 'Requires every node of a cluster to have its own IP address',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('node-ip-duplicate'),
    messages: {
      duplicate:
        'Duplicate IP address `{{ip}}` (`{{name}}` and `{{other}}`): the kernel refuses the second node',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      const seen = new Map<string, (typeof c.nodes)[number]>();
      for (const n of c.nodes) {
        const first = seen.get(n.ipAddress);
        if (!first) {
          seen.set(n.ipAddress, n);
          continue;
        }
        ctx.report({
          messageId: 'duplicate',
          data: { ip: n.ipAddress, name: n.name, other: first.name },
          span: fieldSpan(ctx.doc.links.node.get(n), 'ip_address'),
          related: [
            { message: 'First used here', span: fieldSpan(ctx.doc.links.node.get(first), 'ip_address') },
          ],
        });
      }
    }
  },
});
