import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, ruleUrl } from '../context.js';

/** DRBD031: with barriers, flushes and drain all off, DRBD cannot keep write order. */
export const writeOrderingDisabled = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'write-ordering-disabled',
    description: 'Turning off `disk-flushes`, `disk-drain` and `disk-barrier` together loses write ordering',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('write-ordering-disabled'),
    messages: {
      none: 'Unexpected: `disk-flushes`, `disk-drain` and `disk-barrier` are all off, so write order is not kept',
      flushes: '`{{name}} no` is only safe on storage with a battery-backed (non-volatile) write cache',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    const seen = new Set<object>();
    for (const r of [undefined, ...cfg.resources]) {
      const fl = effective(cfg, r, 'disk', 'disk-flushes');
      const dr = effective(cfg, r, 'disk', 'disk-drain');
      const ba = effective(cfg, r, 'disk', 'disk-barrier');
      if (
        fl.value === 'no' &&
        dr.value === 'no' &&
        (ba.value ?? 'no') === 'no' &&
        fl.option &&
        !seen.has(fl.option)
      ) {
        seen.add(fl.option);
        ctx.report({ messageId: 'none', ...at(fl.option, ctx.doc) });
        continue;
      }
      for (const x of [fl, effective(cfg, r, 'disk', 'md-flushes')]) {
        if (x.value === 'no' && x.option && !seen.has(x.option)) {
          seen.add(x.option);
          ctx.report({ messageId: 'flushes', data: { name: x.option.name }, ...at(x.option, ctx.doc) });
        }
      }
    }
  },
});
