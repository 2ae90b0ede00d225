import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, ruleUrl } from '../context.js';

/** DRBD051: stacked resources are deprecated in DRBD 9 (use 3+ node resources). */
export const stackedResourceDeprecated = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'stacked-resource-deprecated',
    description: '`stacked-on-top-of` is deprecated in DRBD 9; use a resource with three or more nodes',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('stacked-resource-deprecated'),
    messages: {
      stacked: '`stacked-on-top-of {{lower}}` is deprecated in DRBD 9: use one resource with more nodes',
    },
  },
  check(ctx) {
    if (ctx.doc.version !== '9') return;
    for (const r of ctx.doc.model.resources)
      for (const h of r.hosts)
        if (h.kind === 'stacked-on-top-of')
          ctx.report({ messageId: 'stacked', data: { lower: h.lower ?? '' }, ...at(h, ctx.doc) });
  },
});
