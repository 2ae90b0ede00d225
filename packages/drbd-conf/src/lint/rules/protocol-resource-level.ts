import { defineRule } from '@ftkit/core';
import { protocolSpan } from '../../model/protocol-span.js';
import { at, type DrbdLintDoc, ruleUrl } from '../context.js';

/** DRBD053: resource-level `protocol X;` is legacy; it belongs in `net`. */
export const protocolResourceLevel = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'protocol-resource-level',
    description: 'Write `protocol` inside `net { }` rather than at resource level',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('protocol-resource-level'),
    messages: { legacy: 'Legacy resource-level `protocol {{value}}`: put it in the `net` section' },
  },
  check(ctx) {
    for (const r of ctx.doc.model.resources)
      if (r.protocol !== undefined) {
        // point at the `protocol X;` statement, not the whole resource
        const span = protocolSpan.get(r) ?? r.span;
        ctx.report({
          messageId: 'legacy',
          data: { value: r.protocol },
          ...at({ ...(span ? { span } : {}), ...(r.file !== undefined ? { file: r.file } : {}) }, ctx.doc),
        });
      }
  },
});
