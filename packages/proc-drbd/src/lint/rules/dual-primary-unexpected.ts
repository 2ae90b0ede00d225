import { defineRule } from '@ftkit/core';
import type { StatusDoc } from '../doc.js';
import { ruleUrl } from '../url.js';

/**
 * Two Primaries at once. Only safe with `allow-two-primaries` and a cluster file system (OCFS2,
 * GFS2); say so with the setting `allowTwoPrimaries: true` or a list of resource names.
 */
export const dualPrimaryUnexpected = defineRule<StatusDoc>()({
  meta: {
    id: 'dual-primary-unexpected',
    description:
      'Reports resources that are Primary on both ends unless dual-primary is declared in settings',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('dual-primary-unexpected'),
    messages: {
      dual: 'Expected one Primary for `{{resource}}`, found this node and `{{connection}}` both Primary',
    },
  },
  check(ctx) {
    const allowed = ctx.settings.allowTwoPrimaries;
    for (const r of ctx.doc.status.resources) {
      if (r.role !== 'Primary') continue;
      if (allowed === true || (Array.isArray(allowed) && allowed.includes(r.name))) continue;
      for (const c of r.connections) {
        if (c.peerRole !== 'Primary') continue;
        ctx.report({
          messageId: 'dual',
          data: { resource: r.name, connection: c.name },
          span: ctx.doc.locate(r.name, c.name),
          note: 'Without `allow-two-primaries` and a cluster file system this corrupts data; pass the setting allowTwoPrimaries=true if intended',
        });
      }
    }
  },
});
