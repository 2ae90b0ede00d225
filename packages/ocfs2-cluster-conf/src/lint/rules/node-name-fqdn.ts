import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, fieldSpan, ruleUrl } from '../types.js';

/** ND-NAME-FQDN: `db1.example.com` only matches a host whose name is that same FQDN. */
export const nodeNameFqdn = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'node-name-fqdn',
    description: 'Notes node names with a dot, which only match a host name that is the same FQDN',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('node-name-fqdn'),
    messages: {
      fqdn: 'Node name `{{name}}` is a full domain name: prefer the short name `{{short}}`, which matches either host name',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      for (const n of c.nodes) {
        const dot = n.name.indexOf('.');
        if (dot <= 0) continue;
        ctx.report({
          messageId: 'fqdn',
          data: { name: n.name, short: n.name.slice(0, dot) },
          span: fieldSpan(ctx.doc.links.node.get(n), 'name'),
        });
      }
    }
  },
});
