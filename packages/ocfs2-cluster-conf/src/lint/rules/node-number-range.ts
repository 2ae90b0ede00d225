import { defineRule } from '@ftkit/core';
import { LIMITS } from '../../limits.js';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

/** ND-NUMBER-RANGE: the kernel takes node numbers 0–254 (o2cb loads up to 2147483646). */
export const nodeNumberRange = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'node-number-range',
    description: 'Requires node numbers from 0 to 254, the range the kernel accepts',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('node-number-range'),
    messages: {
      range: 'Expected a node number from 0 to 254, found `{{number}}`: the kernel refuses node `{{name}}`',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      for (const n of c.nodes) {
        if (n.number <= LIMITS.kernel.nodeNumberMax) continue;
        ctx.report({
          messageId: 'range',
          data: { number: n.number, name: n.name },
          span: fieldSpan(ctx.doc.links.node.get(n), 'number'),
        });
      }
    }
  },
});
