import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, ruleUrl } from '../context.js';

/** DRBD007: dual primary without stonith fencing and a fence-peer handler risks split brain. */
export const dualPrimaryFencing = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'dual-primary-fencing',
    description: 'Dual primary needs `fencing resource-and-stonith` and a `fence-peer` handler',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('dual-primary-fencing'),
    messages: {
      fencing: 'Expected `fencing resource-and-stonith` with `allow-two-primaries`, found `{{fencing}}`',
      handler: 'Missing `fence-peer` handler for a dual-primary resource',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    for (const r of cfg.resources) {
      const two = effective(cfg, r, 'net', 'allow-two-primaries');
      if (two.value !== 'yes' || !two.option) continue;
      const f = effective(cfg, r, ctx.doc.version === '9' ? 'net' : 'disk', 'fencing');
      if (f.value !== 'resource-and-stonith')
        ctx.report({
          messageId: 'fencing',
          data: { fencing: f.value ?? 'dont-care' },
          ...at(two.option, ctx.doc),
        });
      else if (!effective(cfg, r, 'handlers', 'fence-peer').set)
        ctx.report({ messageId: 'handler', ...at(two.option, ctx.doc) });
    }
  },
});
