import { defineRule } from '@ftkit/core';
import { CLUSTER_NAME_PATTERN } from '../../limits.js';
import { attr, type ClusterConfDoc, clusterView, headerSpan, ruleUrl, valueSpan } from '../types.js';

/** CL-NAME-FORMAT: `o2cb add-cluster` and `register-cluster` take 1–16 letters and digits only. */
export const clusterNameFormat = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'cluster-name-format',
    description: 'Requires cluster names of 1–16 ASCII letters and digits, as o2cb and the kernel do',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('cluster-name-format'),
    messages: {
      empty: 'Expected a cluster name, found an empty one: the cluster cannot be registered',
      long: 'Expected at most 16 characters in a cluster name, found {{length}} in `{{name}}`',
      chars: 'Invalid cluster name `{{name}}`: only letters and digits are allowed',
    },
  },
  check(ctx) {
    for (const c of ctx.doc.model.clusters) {
      if (CLUSTER_NAME_PATTERN.test(c.name)) continue;
      const v = clusterView(ctx.doc, c);
      const a = attr(v, 'name');
      const span = a?.value ? valueSpan(a) : headerSpan(v);
      const id = c.name === '' ? 'empty' : /^[A-Za-z0-9]+$/.test(c.name) ? 'long' : 'chars';
      ctx.report({
        messageId: id,
        data: { name: c.name, length: c.name.length },
        span,
        note: 'o2cb loads the file, but `o2cb register-cluster` refuses this name, so the cluster never starts',
      });
    }
  },
});
