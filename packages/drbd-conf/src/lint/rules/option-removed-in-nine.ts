import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

const REMOVED = new Set([
  'use-bmbv',
  'max-bio-bvecs',
  'unplug-watermark',
  'delay-probe-volume',
  'delay-probe-interval',
  'throttle-threshold',
  'hold-off-threshold',
]);

/** DRBD040: 8.4 options that DRBD 9 no longer accepts. */
export const optionRemovedInNine = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'option-removed-in-nine',
    description: 'Options and statements removed in DRBD 9 block an upgrade',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('option-removed-in-nine'),
    messages: { removed: '`{{name}}` was removed in DRBD 9: drop it before upgrading' },
  },
  check(ctx) {
    for (const { option } of options(ctx.doc.model))
      if (REMOVED.has(option.name))
        ctx.report({ messageId: 'removed', data: { name: option.name }, ...at(option, ctx.doc) });
    for (const r of ctx.doc.model.resources) {
      if (r.ignoreOn?.length)
        ctx.report({ messageId: 'removed', data: { name: 'ignore-on' }, ...at(r, ctx.doc) });
      for (const h of r.hosts)
        if (h.alternateLinkAddress)
          ctx.report({
            messageId: 'removed',
            data: { name: 'alternate-link-address' },
            ...at(h.alternateLinkAddress, ctx.doc),
          });
    }
  },
});
