import { defineRule } from '@ftkit/core';
import type { StatusDoc } from '../doc.js';
import { ruleUrl } from '../url.js';

/** A volume without quorum: I/O is frozen or fails depending on `on-no-quorum`. */
export const quorumLost = defineRule<StatusDoc>()({
  meta: {
    id: 'quorum-lost',
    description: 'Reports volumes that have lost quorum',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('quorum-lost'),
    messages: {
      lost: 'Volume {{volume}} of `{{resource}}` has lost quorum',
    },
  },
  check(ctx) {
    for (const r of ctx.doc.status.resources) {
      for (const d of r.devices) {
        if (d.quorum !== false) continue;
        ctx.report({
          messageId: 'lost',
          data: { resource: r.name, volume: d.volume },
          span: ctx.doc.locate(r.name),
        });
      }
    }
  },
});
