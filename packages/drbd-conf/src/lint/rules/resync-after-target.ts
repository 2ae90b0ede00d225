import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD052: resync-after must name another existing resource. */
export const resyncAfterTarget = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'resync-after-target',
    description: '`resync-after` must name another resource that exists',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('resync-after-target'),
    messages: {
      self: 'Invalid `resync-after {{value}}`: a resource cannot wait for itself',
      unknown: 'Unknown resource `{{value}}` in `resync-after`: drbdadm silently drops the option',
    },
  },
  check(ctx) {
    const names = new Set(ctx.doc.model.resources.map((r) => r.name));
    for (const { option, resource } of options(ctx.doc.model)) {
      if ((option.name !== 'resync-after' && option.name !== 'after') || option.value === undefined) continue;
      const target = option.value.split('/')[0]!;
      if (resource && target === resource.name)
        ctx.report({ messageId: 'self', data: { value: option.value }, ...at(option, ctx.doc) });
      else if (!names.has(target))
        ctx.report({ messageId: 'unknown', data: { value: option.value }, ...at(option, ctx.doc) });
    }
  },
});
