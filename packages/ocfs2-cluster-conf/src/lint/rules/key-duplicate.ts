import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, ruleUrl } from '../types.js';

/** CC-DUP-KEY: the last occurrence of a key wins silently. */
export const keyDuplicate = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'key-duplicate',
    description: 'Flags a key repeated in one stanza, where only the last occurrence counts',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('key-duplicate'),
    messages: {
      duplicate: 'Duplicate `{{key}}`: o2cb ignores this line and uses the later `{{value}}`',
    },
  },
  check(ctx) {
    for (const v of ctx.doc.links.stanzas) {
      for (const a of v.attributes) {
        const winner = v.attrs.get(a.key.text)!;
        if (winner === a) continue;
        ctx.report({
          messageId: 'duplicate',
          data: { key: a.key.text, value: winner.valueText },
          span: a.key,
          related: [{ message: 'This one wins', span: winner.key }],
          // Deleting a line that never counted does not change what o2cb reads.
          fix: [{ start: a.start, end: a.end, text: '' }],
        });
      }
    }
  },
});
