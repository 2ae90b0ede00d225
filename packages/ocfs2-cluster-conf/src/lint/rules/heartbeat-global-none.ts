import { defineRule } from '@ftkit/core';
import { attr, type ClusterConfDoc, clusterView, headerSpan, ruleUrl, valueSpan } from '../types.js';

/** HB-GLOBAL-NONE: global heartbeat without regions has nothing to heartbeat on. */
export const heartbeatGlobalNone = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'heartbeat-global-none',
    description: 'Requires at least one heartbeat region in a cluster with global heartbeat',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('heartbeat-global-none'),
    messages: {
      none: 'Missing heartbeat regions: cluster `{{cluster}}` uses global heartbeat but lists none',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      if (c.heartbeatMode !== 'global' || c.heartbeats.length > 0) continue;
      const v = clusterView(ctx.doc, c);
      const a = attr(v, 'heartbeat_mode');
      ctx.report({
        messageId: 'none',
        data: { cluster: c.name },
        span: a?.value ? valueSpan(a) : headerSpan(v),
        note: 'Add regions with `o2cb add-heartbeat` (or ftkit addHeartbeat), or use `heartbeat_mode = local`',
      });
    }
  },
});
