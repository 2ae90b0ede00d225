import { defineRule } from '@ftkit/core';
import { REGION_PATTERN } from '../../limits.js';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

const UUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;

/** HB-REGION-FORMAT: regions are matched as 32 upper-case hex digits; the blkid form never matches. */
export const heartbeatRegionFormat = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'heartbeat-region-format',
    description: 'Requires heartbeat regions written as 32 upper-case hex digits without dashes',
    defaultSeverity: 'error',
    fixable: true,
    url: ruleUrl('heartbeat-region-format'),
    messages: {
      uuid: 'Expected the region as `{{expected}}`, found `{{region}}`: o2cb never finds a device for this form',
      invalid: 'Invalid heartbeat region `{{region}}`: expected a volume UUID as 32 upper-case hex digits',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      for (const h of c.heartbeats) {
        if (REGION_PATTERN.test(h.region)) continue;
        const span = fieldSpan(ctx.doc.links.heartbeat.get(h), 'region');
        if (UUID.test(h.region)) {
          const expected = h.region.replace(/-/g, '').toUpperCase();
          ctx.report({
            messageId: 'uuid',
            data: { expected, region: h.region },
            span,
            fix: [{ ...span, text: expected }],
          });
        } else {
          ctx.report({ messageId: 'invalid', data: { region: h.region }, span });
        }
      }
    }
  },
});
