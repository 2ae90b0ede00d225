import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, optionValue, ruleUrl } from '../context.js';

const DISCARDING = new Set([
  'discard-younger-primary',
  'discard-older-primary',
  'discard-least-changes',
  'discard-local',
  'discard-remote',
  'discard-secondary',
  'consensus',
  'call-pri-lost-after-sb',
]);

/** DRBD015: automatic split-brain recovery throws away one node's writes by design. */
export const splitBrainAutoDiscard = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'split-brain-auto-discard',
    description: "Automatic split-brain recovery policies discard one node's writes",
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('split-brain-auto-discard'),
    messages: { discard: '`{{name}} {{value}}` discards the changes of one node after a split brain' },
  },
  check(ctx) {
    for (const { option } of options(ctx.doc.model)) {
      if (option.name !== 'after-sb-0pri' && option.name !== 'after-sb-1pri') continue;
      const v = optionValue(option);
      if (DISCARDING.has(v) || v.startsWith('discard-node-'))
        ctx.report({ messageId: 'discard', data: { name: option.name, value: v }, ...at(option, ctx.doc) });
    }
  },
});
