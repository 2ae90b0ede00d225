import { defineRule, didYouMean } from '@ftkit/core';
import { type ClusterConfDoc, headerSpan, KNOWN_STANZAS, ruleUrl } from '../types.js';

/** CC-UNKNOWN-STANZA: anything but `cluster:`, `node:` and `heartbeat:` is ignored and dropped. */
export const stanzaUnknown = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'stanza-unknown',
    description: 'Flags stanzas other than `cluster`, `node` and `heartbeat`',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('stanza-unknown'),
    messages: {
      unknown: 'Unknown stanza `{{name}}`: o2cb ignores it and drops it on its next write',
      suggest: 'Unknown stanza `{{name}}` (did you mean `{{suggestion}}`?): o2cb ignores it',
    },
  },
  check(ctx) {
    for (const v of ctx.doc.links.stanzas) {
      const name = v.kind;
      // Case variants are keyword-case's business.
      if (KNOWN_STANZAS.includes(name.toLowerCase())) continue;
      const suggestion = didYouMean(name, KNOWN_STANZAS);
      ctx.report({
        messageId: suggestion ? 'suggest' : 'unknown',
        data: { name, suggestion: suggestion ?? '' },
        span: headerSpan(v),
      });
    }
  },
});
