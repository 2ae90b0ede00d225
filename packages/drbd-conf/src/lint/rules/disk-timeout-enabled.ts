import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD033: disk-timeout can let a late completion corrupt memory (documented as dangerous). */
export const diskTimeoutEnabled = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'disk-timeout-enabled',
    description: 'A non-zero `disk-timeout` is documented as dangerous',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('disk-timeout-enabled'),
    messages: {
      timeout:
        'Unexpected `disk-timeout {{value}}`: a late completion after the timeout can corrupt memory; keep 0',
    },
  },
  check(ctx) {
    for (const { option } of options(ctx.doc.model))
      if (option.name === 'disk-timeout' && option.value !== undefined && !/^0+$/.test(option.value))
        ctx.report({ messageId: 'timeout', data: { value: option.value }, ...at(option, ctx.doc) });
  },
});
