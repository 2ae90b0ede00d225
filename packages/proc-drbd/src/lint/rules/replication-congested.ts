import { defineRule } from '@ftkit/core';
import type { StatusDoc } from '../doc.js';
import { ruleUrl } from '../url.js';

/** The congestion policy kicked in (Ahead/Behind) or the send buffer is congested. */
export const replicationCongested = defineRule<StatusDoc>()({
  meta: {
    id: 'replication-congested',
    description: 'Reports Ahead/Behind replication and congested connections',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('replication-congested'),
    messages: {
      ahead: 'Replication of `{{resource}}` with `{{connection}}` is {{state}}: the peer falls behind',
      congested: 'The connection of `{{resource}}` to `{{connection}}` is congested',
    },
  },
  check(ctx) {
    for (const r of ctx.doc.status.resources) {
      for (const c of r.connections) {
        const lag = c.peerDevices.find((p) => p.replication === 'Ahead' || p.replication === 'Behind');
        if (lag) {
          ctx.report({
            messageId: 'ahead',
            data: { resource: r.name, connection: c.name, state: lag.replication },
            span: ctx.doc.locate(r.name, c.name),
          });
        } else if (c.congested === true) {
          ctx.report({
            messageId: 'congested',
            data: { resource: r.name, connection: c.name },
            span: ctx.doc.locate(r.name, c.name),
          });
        }
      }
    }
  },
});
