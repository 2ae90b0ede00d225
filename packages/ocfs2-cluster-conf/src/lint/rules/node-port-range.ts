import { defineRule } from '@ftkit/core';
import { LIMITS } from '../../limits.js';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

/** ND-PORT-RANGE: the kernel takes ports 1–65534 (o2cb loads 0–4294967295). */
export const nodePortRange = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'node-port-range',
    description: 'Requires `ip_port` from 1 to 65534, the range the kernel accepts',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('node-port-range'),
    messages: {
      range: 'Expected `ip_port` from 1 to 65534, found `{{port}}`: the kernel refuses node `{{name}}`',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      for (const n of c.nodes) {
        if (n.ipPort >= LIMITS.kernel.ipPortMin && n.ipPort <= LIMITS.kernel.ipPortMax) continue;
        ctx.report({
          messageId: 'range',
          data: { port: n.ipPort, name: n.name },
          span: fieldSpan(ctx.doc.links.node.get(n), 'ip_port'),
        });
      }
    }
  },
});
