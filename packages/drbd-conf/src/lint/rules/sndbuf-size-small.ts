import { defineRule } from '@ftkit/core';
import { scaledValue } from '../../model/options.js';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD035: tiny send buffers throttle replication. */
export const sndbufSizeSmall = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'sndbuf-size-small',
    description: '`sndbuf-size` between 1 byte and 32 KiB hurts throughput; use 0 (auto) or more',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('sndbuf-size-small'),
    messages: {
      small: 'Unexpected `sndbuf-size {{value}}`: below 32 KiB throttles replication, use 0 (auto-tune)',
    },
  },
  check(ctx) {
    for (const { option } of options(ctx.doc.model)) {
      if (option.name !== 'sndbuf-size') continue;
      const n = scaledValue(option.value ?? '');
      if (n !== undefined && n > 0 && n < 32768)
        ctx.report({ messageId: 'small', data: { value: option.value ?? '' }, ...at(option, ctx.doc) });
    }
  },
});
