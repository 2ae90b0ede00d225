import { defineRule } from '@ftkit/core';
import type { StatusDoc } from '../doc.js';
import { ruleUrl } from '../url.js';

/** Application I/O is frozen (user, no-data, fencing or quorum suspension): writes hang. */
export const ioSuspended = defineRule<StatusDoc>()({
  meta: {
    id: 'io-suspended',
    description: 'Reports resources whose application I/O is suspended',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('io-suspended'),
    messages: {
      suspended: 'I/O on `{{resource}}` is suspended{{why}}',
    },
  },
  check(ctx) {
    for (const r of ctx.doc.status.resources) {
      if (r.suspended !== true) continue;
      ctx.report({
        messageId: 'suspended',
        data: {
          resource: r.name,
          why: r.suspendedReasons.length ? ` (${r.suspendedReasons.join(', ')})` : '',
        },
        span: ctx.doc.locate(r.name),
        note: 'Applications writing to the device are blocked until `drbdadm resume-io` or the cause is gone',
      });
    }
  },
});
