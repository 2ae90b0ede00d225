import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD036: a short or trivially guessable shared-secret. The value itself is never printed. */
export const sharedSecretWeak = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'shared-secret-weak',
    description: '`shared-secret` should be long and random (at most 63 characters for DRBD 9)',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('shared-secret-weak'),
    messages: {
      short: 'Weak `shared-secret`: shorter than 16 characters, use at least 16 random characters',
      long: 'Invalid `shared-secret`: {{length}} characters, DRBD 9 allows at most 63',
      guessable: 'Weak `shared-secret`: it is a well-known example value',
    },
  },
  check(ctx) {
    for (const { option } of options(ctx.doc.model)) {
      if (option.name !== 'shared-secret' || option.value === undefined) continue;
      const len = [...option.value].length;
      if (len > 63)
        ctx.report({ messageId: 'long', data: { length: len }, severity: 'error', ...at(option, ctx.doc) });
      else if (
        /^(secret|password|changeme|drbd|foo|test)\d*$/i.test(option.value) ||
        /^FooFunFactory$/i.test(option.value)
      )
        ctx.report({ messageId: 'guessable', ...at(option, ctx.doc) });
      else if (len < 16) ctx.report({ messageId: 'short', data: { length: len }, ...at(option, ctx.doc) });
    }
  },
});
