import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, optionValue, ruleUrl } from '../context.js';

/** DRBD016: `discard-node-NAME` is rejected by DRBD 9 and must name a host in 8.4. */
export const discardNodePolicy = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'discard-node-policy',
    description: '`after-sb-0pri discard-node-NAME` is 8.4-only and must name a host of the resource',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('discard-node-policy'),
    messages: {
      nine: 'Unexpected `{{value}}`: DRBD 9 does not accept `discard-node-NAME`',
      unknown: 'Unknown host `{{host}}` in `{{value}}`',
    },
  },
  check(ctx) {
    for (const { option, resource } of options(ctx.doc.model)) {
      if (option.name !== 'after-sb-0pri') continue;
      const v = optionValue(option);
      if (!v.startsWith('discard-node-')) continue;
      const host = v.slice('discard-node-'.length);
      if (ctx.doc.version === '9')
        ctx.report({ messageId: 'nine', data: { value: v }, ...at(option, ctx.doc) });
      else if (resource && !resource.hosts.some((h) => h.names.includes(host)))
        ctx.report({ messageId: 'unknown', data: { host, value: v }, ...at(option, ctx.doc) });
    }
  },
});
