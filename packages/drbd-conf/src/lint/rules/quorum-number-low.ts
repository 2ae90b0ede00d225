import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, ruleUrl } from '../context.js';

/** DRBD020: a numeric quorum of half the nodes or less allows two partitions to both have quorum. */
export const quorumNumberLow = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'quorum-number-low',
    description: 'A numeric `quorum` must be more than half of the nodes',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('quorum-number-low'),
    messages: {
      low: 'Expected `quorum` above {{half}} for {{nodes}} nodes, found {{value}}: both halves of a split could keep quorum',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    for (const r of cfg.resources) {
      const q = effective(cfg, r, 'options', 'quorum');
      if (!q.option || !/^\d+$/.test(q.value ?? '')) continue;
      const n = r.hosts.length;
      if (n > 0 && Number(q.value) * 2 <= n)
        ctx.report({
          messageId: 'low',
          data: { half: n / 2, nodes: n, value: q.value ?? '' },
          ...at(q.option, ctx.doc),
        });
    }
  },
});
