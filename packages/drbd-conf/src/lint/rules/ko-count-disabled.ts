import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** `ko-count 0` never drops a peer that stops answering, so the primary's writes can hang. */
export const koCountDisabled = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'ko-count-disabled',
    description: '`ko-count 0` never disconnects a peer that stops completing writes',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('ko-count-disabled'),
    messages: {
      zero: 'Unexpected `ko-count 0`: a stuck peer is never disconnected and writes on the primary can hang (default 7)',
    },
  },
  check(ctx) {
    for (const { option } of options(ctx.doc.model))
      if (option.name === 'ko-count' && option.value !== undefined && /^0+$/.test(option.value))
        ctx.report({ messageId: 'zero', ...at(option, ctx.doc) });
  },
});
