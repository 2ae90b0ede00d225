import { defineRule } from '@ftkit/core';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

/** DO-STACK: the init script accepts `o2cb` or any name of exactly four characters. */
export const stackName = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'stack-name',
    description: 'Require `O2CB_STACK` to be `o2cb` or a 4-character user-space stack name',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('stack-name'),
    messages: {
      length:
        'Expected `o2cb` or a 4-character stack name such as `pcmk` for `O2CB_STACK`, found {{value}} ({{length}} characters)',
    },
  },
  check(ctx) {
    const a = ctx.doc.last.get('O2CB_STACK');
    if (!a || a.value.value === '' || a.value.value.length === 4) return;
    ctx.report({
      messageId: 'length',
      data: { value: shown(a.value.value), length: a.value.value.length },
      span: a.value,
      note: 'The init script stops with `Invalid cluster stack name`, so the cluster never comes online',
    });
  },
});
