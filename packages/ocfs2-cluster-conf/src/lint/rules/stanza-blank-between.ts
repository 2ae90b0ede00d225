import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, ruleUrl } from '../types.js';

/** CC-NO-BLANK-BETWEEN: accepted, but the man page and o2cb put a blank line between stanzas. */
export const stanzaBlankBetween = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'stanza-blank-between',
    description: 'Asks for a blank line between stanzas, as o2cb writes them',
    defaultSeverity: 'info',
    fixable: true,
    url: ruleUrl('stanza-blank-between'),
    messages: {
      missing: 'Expected a blank line before the `{{name}}` stanza',
    },
  },
  check(ctx) {
    const items = ctx.doc.cst.items;
    items.forEach((item, i) => {
      if (item.type !== 'stanza') return;
      let j = i - 1;
      while (j >= 0 && items[j]!.type === 'comment') j--;
      if (j < 0 || items[j]!.type !== 'stanza') return;
      const at = items[j + 1]!.start;
      ctx.report({
        messageId: 'missing',
        data: { name: item.header.name.text },
        span: item.header.name,
        fix: [{ start: at, end: at, text: '\n' }],
      });
    });
  },
});
