import { defineRule } from '@ftkit/core';
import { optionSpec } from '../../model/options.js';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/**
 * DRBD026: `s` means sectors, not seconds; a size suffix on a time option is almost always wrong.
 * Counts (`max-buffers 36k`, pages) are left alone: there `K` multiplies by 1024 as intended, and
 * LINBIT's own tuning advice writes them that way.
 */
const TIME_UNITS = new Set(['s', '0.1 s', 'ms']);

export const timeOptionSuffix = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'time-option-suffix',
    description: 'Unit suffixes (`K M G s`) on time options are size units, not time units',
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
      if (spec?.type !== 'num' || spec.scale !== '1' || !TIME_UNITS.has(spec.unit ?? '')) continue;
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
