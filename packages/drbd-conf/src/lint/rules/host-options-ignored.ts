import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, ruleUrl } from '../context.js';

/** DRBD055: `options { }` inside a host section is parsed and dumped but never applied. */
export const hostOptionsIgnored = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'host-options-ignored',
    description: '`options { }` inside a host section is never applied; put it at resource level',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('host-options-ignored'),
    messages: { ignored: 'Unexpected `options` in a host section: drbdadm never applies it' },
  },
  check(ctx) {
    for (const r of ctx.doc.model.resources)
      for (const h of r.hosts) if (h.options) ctx.report({ messageId: 'ignored', ...at(h.options, ctx.doc) });
  },
});
