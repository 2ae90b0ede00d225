import { defineRule } from '@ftkit/core';
import { scaledValue } from '../../model/options.js';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD029: al-extents outside 67..6433 is clamped (6433 is the limit of the default 32 KiB AL). */
export const alExtentsRange = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'al-extents-range',
    description: '`al-extents` should be 67 to 6433 with the default activity log size',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('al-extents-range'),
    messages: { range: 'Expected `al-extents` between 67 and 6433, found {{value}}: drbd clamps it' },
  },
  check(ctx) {
    for (const { option } of options(ctx.doc.model)) {
      if (option.name !== 'al-extents') continue;
      const n = scaledValue(option.value ?? '');
      if (n !== undefined && (n < 67 || n > 6433))
        ctx.report({ messageId: 'range', data: { value: option.value ?? '' }, ...at(option, ctx.doc) });
    }
  },
});
