import { defineRule } from '@ftkit/core';
import type { StatusDoc } from '../doc.js';
import { ruleUrl } from '../url.js';

/** A Primary without a local disk (that is not an intentional diskless client) serves all I/O over the network. */
export const primaryDiskless = defineRule<StatusDoc>()({
  meta: {
    id: 'primary-diskless',
    description: 'Reports Primary resources whose local disk is gone (and that are not diskless clients)',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('primary-diskless'),
    messages: {
      diskless: 'Expected a local disk on Primary `{{resource}}` volume {{volume}}, found Diskless',
    },
  },
  check(ctx) {
    for (const r of ctx.doc.status.resources) {
      if (r.role !== 'Primary') continue;
      for (const d of r.devices) {
        if (d.disk !== 'Diskless' || d.client === true) continue;
        ctx.report({
          messageId: 'diskless',
          data: { resource: r.name, volume: d.volume },
          span: ctx.doc.locate(r.name),
          note: 'Reads and writes go to the peer; re-attach the backing device with `drbdadm attach`',
        });
      }
    }
  },
});
