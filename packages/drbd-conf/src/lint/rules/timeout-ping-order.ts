import { defineRule } from '@ftkit/core';
import { scaledValue } from '../../model/options.js';
import { at, type DrbdLintDoc, effective, ruleUrl } from '../context.js';

/** DRBD027: `timeout` (tenths of a second) must be below `connect-int` and `ping-int` (seconds). */
export const timeoutPingOrder = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'timeout-ping-order',
    description: '`timeout` must be shorter than `connect-int` and `ping-int`',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('timeout-ping-order'),
    messages: { order: 'Expected `timeout` ({{timeout}} × 0.1 s) below `{{other}}` ({{value}} s)' },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    for (const r of [undefined, ...cfg.resources]) {
      const t = effective(cfg, r, 'net', 'timeout');
      if (!t.option || (r && t.option === effective(cfg, undefined, 'net', 'timeout').option)) continue;
      const tv = scaledValue(t.value ?? '');
      if (tv === undefined) continue;
      for (const other of ['connect-int', 'ping-int']) {
        const o = effective(cfg, r, 'net', other);
        const ov = scaledValue(o.value ?? '10') ?? 10;
        if (tv >= ov * 10) {
          ctx.report({
            messageId: 'order',
            data: { timeout: tv, other, value: ov },
            ...at(t.option, ctx.doc),
          });
          break;
        }
      }
    }
  },
});
