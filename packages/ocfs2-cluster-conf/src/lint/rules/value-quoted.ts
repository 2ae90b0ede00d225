import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, ruleUrl, valueSpan } from '../types.js';

/** CC-QUOTED-VALUE: quotes are literal in cluster.conf. */
export const valueQuoted = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'value-quoted',
    description: 'Flags values wrapped in quotes, which o2cb keeps as part of the value',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('value-quoted'),
    messages: {
      quoted: 'Unexpected quotes around the value of `{{key}}`: o2cb reads `{{value}}` with the quotes',
    },
  },
  check(ctx) {
    for (const v of ctx.doc.links.stanzas) {
      for (const a of v.attributes) {
        const t = a.valueText;
        if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) {
          ctx.report({ messageId: 'quoted', data: { key: a.key.text, value: t }, span: valueSpan(a) });
        }
      }
    }
  },
});
