import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, optionValue, ruleUrl } from '../context.js';

/** DRBD008: `violently*` recovery policies throw away data without asking. */
export const splitBrainViolentPolicy = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'split-brain-violent-policy',
    description: 'Split-brain and role-conflict policies that act "violently" should not be used',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('split-brain-violent-policy'),
    messages: { violent: 'Unexpected `{{name}} {{value}}`: it discards data on a primary without asking' },
  },
  check(ctx) {
    for (const { option } of options(ctx.doc.model)) {
      if (!['after-sb-1pri', 'after-sb-2pri', 'rr-conflict'].includes(option.name)) continue;
      const v = optionValue(option);
      if (v.startsWith('violently'))
        ctx.report({ messageId: 'violent', data: { name: option.name, value: v }, ...at(option, ctx.doc) });
    }
  },
});
