import { defineRule } from '@ftkit/core';
import { attr, type ClusterConfDoc, clusterView, ruleUrl, valueSpan } from '../types.js';

/** CL-HB-MODE-CASE: o2cb reads `Global` as `global` and writes it lower-case. */
export const heartbeatModeCase = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'heartbeat-mode-case',
    description: 'Asks for `heartbeat_mode` in lower case, as o2cb writes it',
    defaultSeverity: 'info',
    fixable: true,
    url: ruleUrl('heartbeat-mode-case'),
    messages: {
      case: 'Expected `{{expected}}`, found `{{actual}}`',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      const a = attr(clusterView(ctx.doc, c), 'heartbeat_mode');
      if (!a?.value || a.valueText === c.heartbeatMode) continue;
      const span = valueSpan(a);
      ctx.report({
        messageId: 'case',
        data: { expected: c.heartbeatMode, actual: a.valueText },
        span,
        fix: [{ ...span, text: c.heartbeatMode }],
      });
    }
  },
});
