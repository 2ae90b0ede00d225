import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD001: `fencing` lives in `disk` under 8.4 and must move to `net` for DRBD 9. */
export const fencingInDiskSection = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'fencing-in-disk-section',
    description: '`fencing` in the `disk` section fails under DRBD 9; it belongs in `net`',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('fencing-in-disk-section'),
    messages: { move: '`fencing` in `disk` is rejected by DRBD 9: move it to `net` when upgrading' },
  },
  check(ctx) {
    if (ctx.doc.version !== '8.4') return;
    for (const { option, section } of options(ctx.doc.model))
      if (option.name === 'fencing' && section.kind === 'disk')
        ctx.report({ messageId: 'move', ...at(option, ctx.doc) });
  },
});
