import { defineRule } from '@ftkit/core';
import { syncStalled } from '../../health.js';
import type { StatusDoc } from '../doc.js';
import { ruleUrl } from '../url.js';

/** A resync or verify that makes no progress (kernel `stalled` flag, or zero speed with no estimate). */
export const resyncStalled = defineRule<StatusDoc>()({
  meta: {
    id: 'resync-stalled',
    description: 'Reports resyncs and verifies the kernel marks as stalled',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('resync-stalled'),
    messages: {
      stalled: 'The {{kind}} of `{{resource}}` with `{{connection}}` is stalled at {{percent}}',
    },
  },
  check(ctx) {
    for (const r of ctx.doc.status.resources) {
      for (const c of r.connections) {
        for (const p of c.peerDevices) {
          const s = p.sync;
          if (!s || !syncStalled(p)) continue;
          ctx.report({
            messageId: 'stalled',
            data: {
              kind: s.kind,
              resource: r.name,
              connection: c.name,
              percent: s.percentDone === null ? 'an unknown point' : `${s.percentDone}%`,
            },
            span: ctx.doc.locate(r.name, c.name),
            note: 'Check the network and the resync rate settings (`c-min-rate`, `resync-rate`)',
          });
        }
      }
    }
  },
});
