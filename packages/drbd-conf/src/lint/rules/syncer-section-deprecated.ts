import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, ruleUrl, sections } from '../context.js';

/** DRBD002: `syncer { }` is deprecated in 8.4 and half-broken in 9. */
export const syncerSectionDeprecated = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'syncer-section-deprecated',
    description: 'The `syncer` section is deprecated: put its options in `disk`, `net` and `options`',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('syncer-section-deprecated'),
    messages: {
      syncer:
        'Unexpected `syncer` section: move its options to `disk`, `net` and `options` (`ftkit drbd migrate` does it)',
    },
  },
  check(ctx) {
    for (const { section } of sections(ctx.doc.model))
      if (section.kind === 'syncer') ctx.report({ messageId: 'syncer', ...at(section, ctx.doc) });
  },
});
