import { defineRule } from '@ftkit/core';
import type { StatusDoc } from '../doc.js';
import { ruleUrl } from '../url.js';

/** Out-of-sync blocks while the peers are connected and no resync runs (e.g. found by verify). */
export const outOfSyncConnected = defineRule<StatusDoc>()({
  meta: {
    id: 'out-of-sync-connected',
    description: 'Reports out-of-sync data on an established connection with no resync running',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('out-of-sync-connected'),
    messages: {
      oos: 'Expected no out-of-sync data on `{{resource}}` with `{{connection}}`, found {{bytes}} bytes',
    },
  },
  check(ctx) {
    for (const r of ctx.doc.status.resources) {
      for (const c of r.connections) {
        if (c.state !== 'Connected') continue;
        for (const p of c.peerDevices) {
          if (p.replication !== 'Established' || !p.outOfSyncBytes) continue;
          ctx.report({
            messageId: 'oos',
            data: { resource: r.name, connection: c.name, bytes: p.outOfSyncBytes },
            span: ctx.doc.locate(r.name, c.name),
            note: 'Resynchronise with `drbdadm disconnect` and `drbdadm connect` (after an online verify)',
          });
        }
      }
    }
  },
});
