import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD054: `compression on` works in 8.4 but DRBD 9 wants a number. */
export const proxyCompressionOn = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'proxy-compression-on',
    description: 'DRBD 9 proxy options are numbers: `compression on` is rejected',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('proxy-compression-on'),
    messages: { on: 'Expected a number for proxy `{{name}}`, found `{{value}}`: DRBD 9 rejects it' },
  },
  check(ctx) {
    for (const { option, section } of options(ctx.doc.model))
      if (
        section.kind === 'proxy' &&
        ['memlimit', 'read-loops', 'compression', 'bwlimit'].includes(option.name) &&
        option.value !== undefined &&
        !/^\d+[KMGs]?$/i.test(option.value)
      )
        ctx.report({
          messageId: 'on',
          data: { name: option.name, value: option.value },
          ...at(option, ctx.doc),
        });
  },
});
