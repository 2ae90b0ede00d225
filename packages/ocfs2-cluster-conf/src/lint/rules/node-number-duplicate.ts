import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

/** ND-DUP-NUMBER: o2cb loads it, the kernel refuses the second node (EEXIST). */
export const nodeNumberDuplicate = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'node-number-duplicate',
    description: 'Requires every node of a cluster to have its own number',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('node-number-duplicate'),
    messages: {
      duplicate:
        'Duplicate node number {{number}} (`{{name}}` and `{{other}}`): the kernel refuses the second node',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      const seen = new Map<number, (typeof c.nodes)[number]>();
      for (const n of c.nodes) {
        const first = seen.get(n.number);
        if (!first) {
          seen.set(n.number, n);
          continue;
        }
        ctx.report({
          messageId: 'duplicate',
          data: { number: n.number, name: n.name, other: first.name },
          span: fieldSpan(ctx.doc.links.node.get(n), 'number'),
          related: [{ message: 'First used here', span: fieldSpan(ctx.doc.links.node.get(first), 'number') }],
        });
      }
    }
  },
});
