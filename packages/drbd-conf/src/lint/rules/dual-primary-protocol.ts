import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, protocolOf, ruleUrl } from '../context.js';

/** DRBD004: two primaries need protocol C (the kernel refuses anything else). */
export const dualPrimaryProtocol = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'dual-primary-protocol',
    description: '`allow-two-primaries yes` needs protocol C',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('dual-primary-protocol'),
    messages: { protocol: 'Expected protocol `C` with `allow-two-primaries`, found protocol `{{protocol}}`' },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    for (const r of cfg.resources) {
      const two = effective(cfg, r, 'net', 'allow-two-primaries');
      const p = protocolOf(cfg, r);
      if (two.value === 'yes' && two.option && p !== 'C')
        ctx.report({
          messageId: 'protocol',
          data: { protocol: p },
          ...at(two.option, ctx.doc),
          note: 'The kernel rejects it at `drbdadm up` with "Protocol C required"',
        });
    }
  },
});
