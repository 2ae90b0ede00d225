import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, KNOWN_KEYS, ruleUrl } from '../types.js';

const STRING_KEYS = new Set(['name', 'cluster', 'region']);

/** CC-INLINE-COMMENT: `name = web # prod` names the cluster `web # prod`. */
export const valueInlineComment = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'value-inline-comment',
    description: 'Flags a `#` comment after a value, which o2cb reads as part of the value',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('value-inline-comment'),
    messages: {
      comment: 'Unexpected comment after the value of `{{key}}`: o2cb reads the value as `{{value}}`',
    },
  },
  check(ctx) {
    for (const v of ctx.doc.links.stanzas) {
      if (!KNOWN_KEYS[v.kind]) continue;
      for (const a of v.attributes) {
        // Numeric and address fields fail to load with such a value: parse reports those as errors.
        if (!STRING_KEYS.has(a.key.text) || !a.value) continue;
        const m = /[ \t]#/.exec(a.valueText);
        if (!m) continue;
        const start = a.value.start + m.index + 1;
        ctx.report({
          messageId: 'comment',
          data: { key: a.key.text, value: a.valueText },
          span: { start, end: a.value.start + a.valueText.length },
          note: 'Put comments on their own line, starting in the first column',
        });
      }
    }
  },
});
