import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, KNOWN_KEYS, KNOWN_STANZAS, ruleUrl } from '../types.js';

/** CC-STANZA-CASE: `Cluster:` and `Name =` are unknown to o2cb, which is case-sensitive. */
export const keywordCase = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'keyword-case',
    description: 'Flags stanza names and keys that match a known one only when case is ignored',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('keyword-case'),
    messages: {
      stanza:
        'Expected `{{expected}}`, found `{{actual}}`: o2cb ignores this stanza because names are case-sensitive',
      key: 'Expected `{{expected}}`, found `{{actual}}`: o2cb ignores this key because keys are case-sensitive',
    },
  },
  check(ctx) {
    for (const v of ctx.doc.links.stanzas) {
      const name = v.stanza.header.name;
      const lower = name.text.toLowerCase();
      let kind = v.kind;
      if (!KNOWN_STANZAS.includes(name.text) && KNOWN_STANZAS.includes(lower)) {
        kind = lower;
        ctx.report({
          messageId: 'stanza',
          data: { expected: lower, actual: name.text },
          span: name,
          fix: [{ start: name.start, end: name.end, text: lower }],
        });
      }
      const keys = KNOWN_KEYS[kind];
      if (!keys) continue;
      for (const a of v.attributes) {
        const k = a.key.text;
        const kl = k.toLowerCase();
        if (!keys.includes(k) && keys.includes(kl)) {
          ctx.report({
            messageId: 'key',
            data: { expected: kl, actual: k },
            span: a.key,
            fix: [{ start: a.key.start, end: a.key.end, text: kl }],
          });
        }
      }
    }
  },
});
