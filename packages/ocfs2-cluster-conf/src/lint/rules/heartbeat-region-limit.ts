import { defineRule } from '@ftkit/core';
import { LIMITS } from '../../limits.js';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

/** HB-TOO-MANY: the kernel handles at most 32 regions. */
export const heartbeatRegionLimit = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'heartbeat-region-limit',
    description: 'Requires at most 32 heartbeat regions per cluster, the kernel limit',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('heartbeat-region-limit'),
    messages: {
      many: 'Expected at most 32 heartbeat regions, found {{count}} in cluster `{{cluster}}`: the kernel refuses region {{index}}',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      c.heartbeats.forEach((h, i) => {
        if (i < LIMITS.kernel.regionsPerCluster) return;
        ctx.report({
          messageId: 'many',
          data: { count: c.heartbeats.length, cluster: c.name, index: i + 1 },
          span: fieldSpan(ctx.doc.links.heartbeat.get(h), 'region'),
        });
      });
    }
  },
});
