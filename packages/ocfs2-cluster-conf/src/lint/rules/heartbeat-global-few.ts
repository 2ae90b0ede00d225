import { defineRule } from '@ftkit/core';
import { attr, type ClusterConfDoc, clusterView, headerSpan, ruleUrl, valueSpan } from '../types.js';

/** HB-GLOBAL-FEW: with 1–2 regions one slow device is enough to fence a node. */
export const heartbeatGlobalFew = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'heartbeat-global-few',
    description: 'Advises at least three heartbeat regions with global heartbeat',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('heartbeat-global-few'),
    messages: {
      few: 'Expected at least 3 heartbeat regions with global heartbeat, found {{count}} in cluster `{{cluster}}`',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      const k = c.heartbeats.length;
      if (c.heartbeatMode !== 'global' || k === 0 || k >= 3) continue;
      const v = clusterView(ctx.doc, c);
      const a = attr(v, 'heartbeat_mode');
      ctx.report({
        messageId: 'few',
        data: { count: k, cluster: c.name },
        span: a?.value ? valueSpan(a) : headerSpan(v),
        note: 'A node fences itself when it loses half of its regions; with fewer than 3 one slow device is enough',
      });
    }
  },
});
