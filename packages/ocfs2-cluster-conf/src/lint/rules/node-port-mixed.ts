import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

/** ND-PORT-MIXED: legal (each node listens on its own port) but unusual. */
export const nodePortMixed = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'node-port-mixed',
    description: 'Notes clusters whose nodes listen on different ports',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('node-port-mixed'),
    messages: {
      mixed: 'Node `{{name}}` uses port {{port}} while most nodes of `{{cluster}}` use {{common}}',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      const counts = new Map<number, number>();
      for (const n of c.nodes) counts.set(n.ipPort, (counts.get(n.ipPort) ?? 0) + 1);
      if (counts.size < 2) continue;
      let common = c.nodes[0]!.ipPort;
      for (const [p, k] of counts) if (k > counts.get(common)!) common = p;
      for (const n of c.nodes) {
        if (n.ipPort === common) continue;
        ctx.report({
          messageId: 'mixed',
          data: { name: n.name, port: n.ipPort, cluster: c.name, common },
          span: fieldSpan(ctx.doc.links.node.get(n), 'ip_port'),
          note: 'Firewall rules must open every node port between all nodes',
        });
      }
    }
  },
});
