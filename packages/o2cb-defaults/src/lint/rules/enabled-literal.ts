import { defineRule } from '@ftkit/core';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

/** DO-ENABLED-LITERAL: the init script tests `[ "$O2CB_ENABLED" = "true" ]`; anything else disables. */
export const enabledLiteral = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'enabled-literal',
    description: 'Require `O2CB_ENABLED` to be exactly `true` or `false`',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('enabled-literal'),
    messages: {
      literal:
        'Expected `true` or `false` for `O2CB_ENABLED`, found {{value}}; the init script treats it as `false`',
    },
  },
  check(ctx) {
    const a = ctx.doc.last.get('O2CB_ENABLED');
    if (!a) return;
    const v = a.value.value.replace(/\r$/, '');
    if (v === 'true' || v === 'false') return;
    ctx.report({
      messageId: 'literal',
      data: { value: shown(a.value.value) },
      span: a.value.end > a.value.start ? a.value : a.name,
      note: 'Only the exact lower-case word `true` starts the cluster at boot; `yes`, `1` and `TRUE` silently disable it',
    });
  },
});
