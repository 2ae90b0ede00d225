import { defineRule } from '@ftkit/core';
import { optionSpec } from '../../model/options.js';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD026: `s` means sectors, not seconds; size suffixes on times and counts are almost always wrong. */
export const timeOptionSuffix = defineRule<DrbdLintDoc>({
  meta: {
    id: 'time-option-suffix',
    description: 'Unit suffixes (`K M G s`) on time and count options are size units, not time units',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('time-option-suffix'),
    messages: {
      seconds:
        'Unexpected suffix in `{{name}} {{value}}`: `s` means 512-byte sectors (×512), not seconds; write the number in {{unit}}',
      suffix: 'Unexpected size suffix in `{{name}} {{value}}`: the unit is {{unit}}',
    },
  },
  check(ctx) {
    for (const { option, section } of options(ctx.doc.model)) {
      const spec = optionSpec(ctx.doc.version, section.kind, option.name);
      if (spec?.type !== 'num' || spec.scale !== '1' || /bytes/.test(spec.unit ?? '')) continue;
      const m = /^\d+([KkMmGgs])$/.exec(option.value ?? '');
      if (!m) continue;
      ctx.report({
        messageId: m[1] === 's' ? 'seconds' : 'suffix',
        data: { name: option.name, value: option.value ?? '', unit: spec.unit ?? '' },
        ...at(option, ctx.doc),
      });
    }
  },
});
