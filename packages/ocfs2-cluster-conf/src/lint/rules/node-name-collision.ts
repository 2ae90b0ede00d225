import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

/** ND-NAME-CASE-COLLISION: two names that one host would both match (case-insensitive, short form). */
export const nodeNameCollision = defineRule<ClusterConfDoc>({
  meta: {
    id: 'node-name-collision',
    description: 'Flags two node names that the same host would both take as itself',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('node-name-collision'),
    messages: {
      case: 'Node names `{{name}}` and `{{other}}` differ only in case: on that host both are local and registration fails',
      short:
        'Node names `{{name}}` and `{{other}}` are the short and long form of one name: on host `{{other}}` both are local',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      c.nodes.forEach((n, i) => {
        for (const m of c.nodes.slice(0, i)) {
          const a = n.name.toLowerCase();
          const b = m.name.toLowerCase();
          const span = fieldSpan(ctx.doc.links.node.get(n), 'name');
          const related = [{ message: 'The other node', span: fieldSpan(ctx.doc.links.node.get(m), 'name') }];
          if (a === b) {
            ctx.report({ messageId: 'case', data: { name: n.name, other: m.name }, span, related });
          } else if (a.split('.')[0] === b || b.split('.')[0] === a) {
            const long = a.includes('.') ? n.name : m.name;
            const short = long === n.name ? m.name : n.name;
            ctx.report({
              messageId: 'short',
              data: { name: short, other: long },
              span,
              related,
              severity: 'warning',
            });
          }
        }
      });
    }
  },
});
