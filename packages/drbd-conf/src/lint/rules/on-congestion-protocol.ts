import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, protocolOf, ruleUrl } from '../context.js';

/** DRBD006: any congestion policy other than `block` needs protocol A. */
export const onCongestionProtocol = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'on-congestion-protocol',
    description: '`on-congestion pull-ahead` or `disconnect` needs protocol A',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('on-congestion-protocol'),
    messages: {
      protocol: 'Expected protocol `A` with `on-congestion {{policy}}`, found protocol `{{protocol}}`',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    for (const r of cfg.resources) {
      const c = effective(cfg, r, 'net', 'on-congestion');
      const p = protocolOf(cfg, r);
      if (c.option && c.value !== 'block' && p !== 'A')
        ctx.report({
          messageId: 'protocol',
          data: { policy: c.value ?? '', protocol: p },
          ...at(c.option, ctx.doc),
        });
    }
  },
});
