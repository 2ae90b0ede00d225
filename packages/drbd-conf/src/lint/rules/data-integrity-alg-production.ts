import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD034: data-integrity-alg is a debugging aid with a CPU cost. */
export const dataIntegrityAlgProduction = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'data-integrity-alg-production',
    description: '`data-integrity-alg` costs CPU on every write; meant for debugging',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('data-integrity-alg-production'),
    messages: { cost: '`data-integrity-alg` checksums every write: use it to debug, not in production' },
  },
  check(ctx) {
    for (const { option } of options(ctx.doc.model))
      if (option.name === 'data-integrity-alg') ctx.report({ messageId: 'cost', ...at(option, ctx.doc) });
  },
});
