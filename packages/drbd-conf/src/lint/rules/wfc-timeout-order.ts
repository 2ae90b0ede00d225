import { defineRule } from '@ftkit/core';
import { scaledValue } from '../../model/options.js';
import { at, type DrbdLintDoc, effective, ruleUrl } from '../context.js';

/** `wfc-timeout` pitfalls: 0 waits forever at boot; the degraded timeout should not exceed it. */
export const wfcTimeoutOrder = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'wfc-timeout-order',
    description: '`degr-wfc-timeout` should not exceed `wfc-timeout` (0 means wait forever)',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('wfc-timeout-order'),
    messages: {
      order: 'Expected `degr-wfc-timeout` ({{degr}} s) to be at most `wfc-timeout` ({{wfc}} s)',
      forever: '`degr-wfc-timeout 0` waits forever when a degraded cluster reboots',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    const seen = new Set<object>();
    for (const r of [undefined, ...cfg.resources]) {
      const d = effective(cfg, r, 'startup', 'degr-wfc-timeout');
      if (!d.option || seen.has(d.option)) continue;
      seen.add(d.option);
      const dv = scaledValue(d.value ?? '');
      const wv = scaledValue(effective(cfg, r, 'startup', 'wfc-timeout').value ?? '0') ?? 0;
      if (dv === 0) ctx.report({ messageId: 'forever', ...at(d.option, ctx.doc) });
      else if (dv !== undefined && wv > 0 && dv > wv)
        ctx.report({ messageId: 'order', data: { degr: dv, wfc: wv }, ...at(d.option, ctx.doc) });
    }
  },
});
