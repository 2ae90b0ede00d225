import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD014: `outdate-peer` is the old name of `fence-peer`. */
export const outdatePeerHandler = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'outdate-peer-handler',
    description: 'Use the `fence-peer` handler instead of the old `outdate-peer` name',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('outdate-peer-handler'),
    messages: { old: 'Expected `fence-peer`, found the old handler name `outdate-peer`' },
  },
  check(ctx) {
    for (const { option, section } of options(ctx.doc.model)) {
      if (section.kind !== 'handlers' || option.name !== 'outdate-peer' || !option.span) continue;
      const own = option.file === undefined || option.file === ctx.doc.fileName;
      const dup = section.options.some((o) => o.name === 'fence-peer');
      const fix =
        own && !dup
          ? [{ start: option.span.start, end: option.span.start + 'outdate-peer'.length, text: 'fence-peer' }]
          : undefined;
      ctx.report({ messageId: 'old', ...at(option, ctx.doc), ...(fix ? { fix } : {}) });
    }
  },
});
