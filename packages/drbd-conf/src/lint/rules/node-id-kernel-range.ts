import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, ruleUrl } from '../context.js';

/** DRBD025: drbdadm accepts node-id 32, the kernel only 0..31. */
export const nodeIdKernelRange = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'node-id-kernel-range',
    description: 'Node ids must be 0 to 31 (drbdadm accepts 32, the kernel does not)',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('node-id-kernel-range'),
    messages: { range: 'Invalid `node-id {{id}}`: the kernel supports 0 to 31' },
  },
  check(ctx) {
    for (const r of ctx.doc.model.resources)
      for (const h of r.hosts)
        if (h.nodeId !== undefined && h.nodeId > 31)
          ctx.report({ messageId: 'range', data: { id: h.nodeId }, ...at(h, ctx.doc) });
  },
});
