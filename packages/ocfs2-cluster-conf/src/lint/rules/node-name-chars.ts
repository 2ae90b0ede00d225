import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

const HOSTNAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/** ND-NAME-CHARS: a node name must equal a host name (`uname -n`). */
export const nodeNameChars = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'node-name-chars',
    description: 'Flags node names that cannot be a host name (blanks, `/`, `_`, a leading `-` …)',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('node-name-chars'),
    messages: {
      chars: 'Invalid node name `{{name}}`: it must equal the host name, which cannot contain that',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      for (const n of c.nodes) {
        if (HOSTNAME.test(n.name)) continue;
        ctx.report({
          messageId: 'chars',
          data: { name: n.name },
          span: fieldSpan(ctx.doc.links.node.get(n), 'name'),
        });
      }
    }
  },
});
