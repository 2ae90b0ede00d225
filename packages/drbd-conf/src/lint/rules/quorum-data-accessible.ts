import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, ruleUrl } from '../context.js';

/** DRBD018: with quorum, `on-no-data-accessible` should match `on-no-quorum`. */
export const quorumDataAccessible = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'quorum-data-accessible',
    description: 'With `quorum` set, `on-no-data-accessible` should equal `on-no-quorum`',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('quorum-data-accessible'),
    messages: {
      differ: 'Expected `on-no-data-accessible {{quorum}}` to match `on-no-quorum`, found `{{data}}`',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    for (const r of cfg.resources) {
      const q = effective(cfg, r, 'options', 'quorum');
      if (!q.option || q.value === 'off') continue;
      const noq = effective(cfg, r, 'options', 'on-no-quorum').value ?? 'suspend-io';
      const nda = effective(cfg, r, 'options', 'on-no-data-accessible').value ?? 'io-error';
      if (noq !== nda)
        ctx.report({ messageId: 'differ', data: { quorum: noq, data: nda }, ...at(q.option, ctx.doc) });
    }
  },
});
