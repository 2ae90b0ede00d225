import { defineRule } from '@ftkit/core';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl } from '../doc.js';

/** DO-BOOTCLUSTER-EMPTY: enabled but no cluster to start. */
export const bootclusterMissing = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'bootcluster-missing',
    description: 'Require `O2CB_BOOTCLUSTER` when `O2CB_ENABLED=true`',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('bootcluster-missing'),
    messages: {
      empty: 'Expected a cluster name in `O2CB_BOOTCLUSTER`, found an empty value',
      unset: 'Missing `O2CB_BOOTCLUSTER` while `O2CB_ENABLED=true`',
    },
  },
  check(ctx) {
    const { model, last } = ctx.doc;
    if (!model.settings.enabled || model.settings.bootCluster !== undefined) return;
    const boot = last.get('O2CB_BOOTCLUSTER');
    const enabled = last.get('O2CB_ENABLED');
    const note = 'The init script prints `Cluster not known` and starts nothing at boot';
    if (boot) ctx.report({ messageId: 'empty', span: { start: boot.name.start, end: boot.end }, note });
    else if (enabled) ctx.report({ messageId: 'unset', span: enabled.name, note });
  },
});
