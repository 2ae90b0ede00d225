import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, ruleUrl } from '../context.js';

/**
 * Replication over loopback addresses never leaves the machine. A host with a `proxy` section is
 * the exception: DRBD then talks to the local DRBD Proxy, and a loopback `address` is the usual
 * setup (the DRBD 8.4 user guide's proxy example uses 127.0.0.1).
 */
export const addressLoopback = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'address-loopback',
    description: 'A host address on the loopback network replicates nowhere',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('address-loopback'),
    messages: { loop: 'Unexpected loopback address `{{ip}}` for host `{{host}}`: the peer cannot reach it' },
  },
  check(ctx) {
    for (const r of ctx.doc.model.resources)
      for (const h of r.hosts) {
        const ip = h.address?.ip;
        if (h.kind === 'on' && !h.proxy && h.address && ip && (ip.startsWith('127.') || ip === '::1'))
          ctx.report({ messageId: 'loop', data: { ip, host: h.names.join(' ') }, ...at(h.address, ctx.doc) });
      }
  },
});
