import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, ruleUrl } from '../context.js';

/** DRBD017: without a split-brain handler nobody hears about a split brain. */
export const splitBrainHandlerMissing = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'split-brain-handler-missing',
    description: 'A `split-brain` handler should notify someone when DRBD detects a split brain',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('split-brain-handler-missing'),
    messages: {
      missing:
        'Missing `split-brain` handler in resource `{{name}}` (for example `/usr/lib/drbd/notify-split-brain.sh root`)',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    for (const r of cfg.resources)
      if (!effective(cfg, r, 'handlers', 'split-brain').set)
        ctx.report({ messageId: 'missing', data: { name: r.name }, ...at(r, ctx.doc) });
  },
});
