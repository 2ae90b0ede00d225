import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, ruleUrl } from '../context.js';

/** DRBD028: the dynamic resync controller (c-plan-ahead > 0) ignores resync-rate. */
export const resyncRateIgnored = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'resync-rate-ignored',
    description: '`resync-rate` only applies when `c-plan-ahead` is 0',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('resync-rate-ignored'),
    messages: {
      ignored:
        '`resync-rate` has no effect while `c-plan-ahead` is {{plan}}: set `c-plan-ahead 0` or tune `c-max-rate`',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    const seen = new Set<object>();
    for (const r of [undefined, ...cfg.resources]) {
      const rate = effective(cfg, r, 'disk', 'resync-rate');
      if (!rate.option || seen.has(rate.option)) continue;
      const plan = effective(cfg, r, 'disk', 'c-plan-ahead').value ?? '20';
      if (plan !== '0') {
        seen.add(rate.option);
        ctx.report({ messageId: 'ignored', data: { plan }, ...at(rate.option, ctx.doc) });
      }
    }
  },
});
