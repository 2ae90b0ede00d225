import { defineRule } from '@ftkit/core';
import { optionSpec } from '../../model/options.js';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD039: DRBD 9 quirks — `no-X yes` ignores the `no-`, and `protocol;` means `protocol yes`. */
export const noPrefixValue = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'no-prefix-value',
    description: '`no-X VALUE;` ignores the `no-` prefix, and value-less non-boolean options are nonsense',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('no-prefix-value'),
    messages: {
      prefix: 'Unexpected value after `no-{{name}}`: DRBD 9 ignores the `no-` and sets `{{name}} {{value}}`',
      valueless: 'Missing value for `{{name}}`: DRBD 9 stores `{{name}} {{value}}`, which is not valid',
    },
  },
  check(ctx) {
    if (ctx.doc.version !== '9') return;
    for (const { option, section } of options(ctx.doc.model)) {
      if (option.negated && option.value !== undefined)
        ctx.report({
          messageId: 'prefix',
          data: { name: option.name, value: option.value },
          ...at(option, ctx.doc),
        });
      const spec = optionSpec('9', section.kind === 'syncer' ? 'disk' : section.kind, option.name);
      if (option.value === undefined && spec && !['bool', 'flag'].includes(spec.type))
        ctx.report({
          messageId: 'valueless',
          data: { name: option.name, value: option.negated ? 'no' : 'yes' },
          ...at(option, ctx.doc),
        });
    }
  },
});
