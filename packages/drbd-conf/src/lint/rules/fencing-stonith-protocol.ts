import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, protocolOf, ruleUrl } from '../context.js';

/** DRBD005: resource-and-stonith needs protocol B or C. */
export const fencingStonithProtocol = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'fencing-stonith-protocol',
    description: '`fencing resource-and-stonith` needs protocol B or C',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('fencing-stonith-protocol'),
    messages: {
      protocol: 'Expected protocol `B` or `C` with `fencing resource-and-stonith`, found protocol `A`',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    for (const r of cfg.resources) {
      const f = effective(cfg, r, ctx.doc.version === '9' ? 'net' : 'disk', 'fencing');
      if (f.value === 'resource-and-stonith' && f.option && protocolOf(cfg, r) === 'A')
        ctx.report({ messageId: 'protocol', ...at(f.option, ctx.doc) });
    }
  },
});
