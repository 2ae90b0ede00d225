import { defineRule } from '@ftkit/core';
import { attr, type ClusterConfDoc, clusterView, ruleUrl, valueSpan } from '../types.js';

/** CL-NODE-COUNT-MISMATCH: `node_count` is never recomputed by o2cb. */
export const nodeCountMismatch = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'node-count-mismatch',
    description: 'Requires `node_count` to equal the number of nodes of the cluster',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('node-count-mismatch'),
    messages: {
      mismatch: 'Expected `node_count = {{nodes}}` (the cluster has {{nodes}} nodes), found `{{count}}`',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      if (c.nodeCount === c.nodes.length) continue;
      const a = attr(clusterView(ctx.doc, c), 'node_count');
      if (!a?.value) continue;
      const span = valueSpan(a);
      ctx.report({
        messageId: 'mismatch',
        data: { nodes: c.nodes.length, count: a.valueText },
        span,
        note: 'o2cb only adds or subtracts 1 on add-node/remove-node, so a wrong count stays wrong',
        fix: [{ ...span, text: String(c.nodes.length) }],
      });
    }
  },
});
