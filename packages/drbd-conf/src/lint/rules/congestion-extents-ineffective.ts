import { defineRule } from '@ftkit/core';
import { scaledValue } from '../../model/options.js';
import { at, type DrbdLintDoc, effective, ruleUrl } from '../context.js';

/** DRBD030: congestion-extents at or above al-extents never triggers. */
export const congestionExtentsIneffective = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'congestion-extents-ineffective',
    description: '`congestion-extents` must be below `al-extents` to have any effect',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('congestion-extents-ineffective'),
    messages: {
      none: '`congestion-extents {{ce}}` is not below `al-extents` ({{al}}), so it never triggers',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    for (const r of cfg.resources) {
      const ce = effective(cfg, r, 'net', 'congestion-extents');
      if (!ce.option) continue;
      const al = scaledValue(effective(cfg, r, 'disk', 'al-extents').value ?? '1237') ?? 1237;
      const c = scaledValue(ce.value ?? '');
      if (c !== undefined && c >= al)
        ctx.report({ messageId: 'none', data: { ce: c, al }, ...at(ce.option, ctx.doc) });
    }
  },
});
