import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, ruleUrl } from '../context.js';

/** DRBD012: fencing policy and fence-peer handler belong together. */
export const fencingHandlerMissing = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'fencing-handler-missing',
    description: 'A fencing policy needs a `fence-peer` handler, and a handler needs a fencing policy',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('fencing-handler-missing'),
    messages: {
      handler: 'Missing `fence-peer` handler for `fencing {{policy}}`',
      policy: 'Unexpected `fence-peer` handler with `fencing dont-care`: it is never called',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    const done = new Set<object>();
    for (const r of cfg.resources) {
      const f = effective(cfg, r, ctx.doc.version === '9' ? 'net' : 'disk', 'fencing');
      const h = effective(cfg, r, 'handlers', 'fence-peer');
      const policy = f.value ?? 'dont-care';
      if (policy !== 'dont-care' && !h.set && f.option && !done.has(f.option)) {
        done.add(f.option);
        ctx.report({ messageId: 'handler', data: { policy }, ...at(f.option, ctx.doc) });
      }
      if (policy === 'dont-care' && h.option && !done.has(h.option)) {
        done.add(h.option);
        ctx.report({ messageId: 'policy', ...at(h.option, ctx.doc) });
      }
    }
  },
});
