import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, optionValue, ruleUrl } from '../context.js';

/** DRBD032: barrier-based write ordering is unsafe on stacks without barrier support. */
export const diskBarrierEnabled = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'disk-barrier-enabled',
    description: '`disk-barrier yes` is unsafe on storage stacks without barrier support',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('disk-barrier-enabled'),
    messages: {
      barrier: 'Unexpected `disk-barrier yes`: modern kernels have no barriers, prefer the default (flushes)',
    },
  },
  check(ctx) {
    for (const { option } of options(ctx.doc.model))
      if (option.name === 'disk-barrier' && optionValue(option) === 'yes')
        ctx.report({ messageId: 'barrier', ...at(option, ctx.doc) });
  },
});
