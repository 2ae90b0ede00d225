import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, clusterView, headerSpan, ruleUrl } from '../types.js';

/** CL-MULTI: the kernel runs one cluster at a time; `O2CB_BOOTCLUSTER` picks it. */
export const clusterMultiple = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'cluster-multiple',
    description: 'Notes files that define more than one cluster',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('cluster-multiple'),
    messages: {
      multiple:
        'Cluster `{{name}}` is not the only one in this file: only one cluster can run, the one `O2CB_BOOTCLUSTER` names',
    },
  },
  check(ctx) {
    const [, ...rest] = ctx.doc.model.clusters;
    for (const c of rest) {
      ctx.report({
        messageId: 'multiple',
        data: { name: c.name },
        span: headerSpan(clusterView(ctx.doc, c)),
      });
    }
  },
});
