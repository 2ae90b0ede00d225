import { defineRule, didYouMean } from '@ftkit/core';
import { optionSpec } from '../../model/options.js';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD038: drbdadm-84 does not check enum values; drbdsetup rejects them at `up`. */
export const enumValueInvalid = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'enum-value-invalid',
    description: 'Option values must be one of the allowed words (drbdadm-84 does not check)',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('enum-value-invalid'),
    messages: { bad: 'Invalid value `{{value}}` for `{{name}}`: expected one of {{allowed}}' },
  },
  check(ctx) {
    if (ctx.doc.version !== '8.4') return;
    for (const { option, section } of options(ctx.doc.model)) {
      const spec = optionSpec('8.4', section.kind === 'syncer' ? 'disk' : section.kind, option.name);
      if (spec?.type !== 'enum' || option.value === undefined || option.name === 'protocol') continue;
      if (
        spec.values!.includes(option.value) ||
        (option.name === 'after-sb-0pri' && option.value.startsWith('discard-node-'))
      )
        continue;
      const hint = didYouMean(option.value, spec.values!);
      ctx.report({
        messageId: 'bad',
        data: {
          value: option.value,
          name: option.name,
          allowed: spec.values!.map((v) => `\`${v}\``).join(', '),
        },
        ...at(option, ctx.doc),
        ...(hint !== undefined ? { note: `Did you mean \`${hint}\`?` } : {}),
      });
    }
  },
});
