import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, ruleUrl } from '../context.js';

/** DRBD019: quorum with two diskful nodes and no tie-breaker loses quorum on any failure. */
export const quorumTwoNodes = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'quorum-two-nodes',
    description: '`quorum majority`/`all` with two diskful nodes needs a diskless tie-breaker',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('quorum-two-nodes'),
    messages: {
      two: 'Resource `{{name}}` has `quorum {{value}}` with only two nodes: add a diskless tie-breaker node',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    for (const r of cfg.resources) {
      const q = effective(cfg, r, 'options', 'quorum');
      if (!q.option || (q.value !== 'majority' && q.value !== 'all')) continue;
      if (r.hosts.length === 2)
        ctx.report({ messageId: 'two', data: { name: r.name, value: q.value }, ...at(q.option, ctx.doc) });
    }
  },
});
