import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, ruleUrl } from '../context.js';

/** `usage-count ask` (the default) prompts interactively during installs and upgrades. */
export const usageCountAsk = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'usage-count-ask',
    description: 'Set `usage-count yes` or `no`: `ask` (the default) prompts during unattended runs',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('usage-count-ask'),
    messages: { ask: 'Expected `usage-count yes` or `no` in `global`: `ask` prompts in unattended runs' },
  },
  check(ctx) {
    const g = ctx.doc.model.global;
    if (g && (g.usageCount === undefined || g.usageCount === 'ask'))
      ctx.report({ messageId: 'ask', ...at(g, ctx.doc) });
  },
});
