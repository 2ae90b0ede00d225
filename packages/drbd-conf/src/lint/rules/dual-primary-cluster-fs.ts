import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, ruleUrl } from '../context.js';

/** DRBD009: dual primary is only safe under a cluster file system or for live migration. */
export const dualPrimaryClusterFs = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'dual-primary-cluster-fs',
    description: 'Dual primary is only safe with a cluster file system (OCFS2, GFS2) or for live migration',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('dual-primary-cluster-fs'),
    messages: {
      advice:
        'Resource `{{name}}` allows two primaries: use it only with a cluster file system or for live migration',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    for (const r of cfg.resources) {
      const two = effective(cfg, r, 'net', 'allow-two-primaries');
      if (two.value === 'yes' && two.option)
        ctx.report({ messageId: 'advice', data: { name: r.name }, ...at(two.option, ctx.doc) });
    }
  },
});
