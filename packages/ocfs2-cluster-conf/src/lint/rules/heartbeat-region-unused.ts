import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

/** HB-UNUSED: heartbeat regions only count with `heartbeat_mode = global`. */
export const heartbeatRegionUnused = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'heartbeat-region-unused',
    description: 'Notes heartbeat regions of clusters that use local heartbeat',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('heartbeat-region-unused'),
    messages: {
      unused: 'Heartbeat region `{{region}}` is unused: cluster `{{cluster}}` uses local heartbeat',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      if (c.heartbeatMode !== 'local') continue;
      for (const h of c.heartbeats) {
        ctx.report({
          messageId: 'unused',
          data: { region: h.region, cluster: c.name },
          span: fieldSpan(ctx.doc.links.heartbeat.get(h), 'region'),
        });
      }
    }
  },
});
