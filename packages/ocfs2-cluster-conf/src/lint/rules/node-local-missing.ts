import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, clusterView, headerSpan, ruleUrl } from '../types.js';

/** Whether o2cb takes node `name` as the local node on host `hostname` (reference §2.7). */
export function isLocalNode(name: string, hostname: string): boolean {
  const n = name.toLowerCase();
  const h = hostname.toLowerCase();
  return n === h || n === h.split('.')[0];
}

/** ND-NOT-LOCAL (host context): no node matches this host, so the cluster stays offline. */
export const nodeLocalMissing = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'node-local-missing',
    description:
      'With the `hostname` setting, requires exactly one node of each cluster to match the host name',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('node-local-missing'),
    messages: {
      none: 'No node of cluster `{{cluster}}` matches the host name `{{hostname}}`: the cluster stays offline here',
      many: 'Nodes {{names}} of cluster `{{cluster}}` all match the host name `{{hostname}}`: registration fails',
    },
  },
  check(ctx) {
    const hostname = ctx.settings.hostname;
    if (typeof hostname !== 'string' || hostname === '') return;
    const only = ctx.settings.cluster;
    for (const c of ctx.doc.model.clusters) {
      if (typeof only === 'string' && c.name !== only) continue;
      const local = c.nodes.filter((n) => isLocalNode(n.name, hostname));
      if (local.length === 1) continue;
      ctx.report({
        messageId: local.length === 0 ? 'none' : 'many',
        data: { cluster: c.name, hostname, names: local.map((n) => `\`${n.name}\``).join(', ') },
        span: headerSpan(clusterView(ctx.doc, c)),
        note: 'A node is local when its name equals `uname -n`, or the part before the first dot, ignoring case',
      });
    }
  },
});
