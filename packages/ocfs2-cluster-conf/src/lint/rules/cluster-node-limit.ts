import { defineRule } from '@ftkit/core';
import { LIMITS } from '../../limits.js';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

/** o2cb add-node and the kernel stop at 255 nodes per cluster. */
export const clusterNodeLimit = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'cluster-node-limit',
    description: 'Requires at most 255 nodes per cluster, the o2cb and kernel limit',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('cluster-node-limit'),
    messages: {
      many: 'Expected at most 255 nodes, found {{count}} in cluster `{{cluster}}`: the kernel refuses node `{{name}}`',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      c.nodes.forEach((n, i) => {
        if (i < LIMITS.kernel.nodesPerCluster) return;
        ctx.report({
          messageId: 'many',
          data: { count: c.nodes.length, cluster: c.name, name: n.name },
          span: fieldSpan(ctx.doc.links.node.get(n), 'name'),
        });
      });
    }
  },
});
