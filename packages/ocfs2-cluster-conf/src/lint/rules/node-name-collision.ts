import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

/** ND-NAME-CASE-COLLISION: two names that one host would both match (case-insensitive, short form). */
export const nodeNameCollision = defineRule<ClusterConfDoc>()({
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
      type N = (typeof c.nodes)[number];
      // Linear: maps from the lower-case name, and from the short form of dotted names.
      const byLower = new Map<string, N>();
      const plain = new Map<string, N>();
      const byShort = new Map<string, N>();
      for (const n of c.nodes) {
        const a = n.name.toLowerCase();
        const dot = a.indexOf('.');
        const short = dot > 0 ? a.slice(0, dot) : undefined;
        const span = fieldSpan(ctx.doc.links.node.get(n), 'name');
        const related = (m: N) => [
          { message: 'The other node', span: fieldSpan(ctx.doc.links.node.get(m), 'name') },
        ];
        const same = byLower.get(a);
        const pair = short !== undefined ? plain.get(short) : byShort.get(a);
        if (same) {
          ctx.report({
            messageId: 'case',
            data: { name: n.name, other: same.name },
            span,
            related: related(same),
          });
        } else if (pair) {
          const long = short !== undefined ? n.name : pair.name;
          const shortName = long === n.name ? pair.name : n.name;
          ctx.report({
            messageId: 'short',
            data: { name: shortName, other: long },
            span,
            related: related(pair),
            severity: 'warning',
          });
        }
        if (!byLower.has(a)) byLower.set(a, n);
        if (short === undefined) {
          if (!plain.has(a)) plain.set(a, n);
        } else if (!byShort.has(short)) byShort.set(short, n);
      }
    }
  },
});
