import { defineRule, didYouMean } from '@ftkit/core';
import { type ClusterConfDoc, KNOWN_KEYS, ruleUrl } from '../types.js';

/** CC-UNKNOWN-KEY: unknown keys are ignored and dropped on o2cb's next write. */
export const keyUnknown = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'key-unknown',
    description: 'Flags keys o2cb does not know for the stanza they are in',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('key-unknown'),
    messages: {
      unknown:
        'Unknown key `{{key}}` in a `{{stanza}}` stanza: o2cb ignores it and drops it on its next write',
      suggest: 'Unknown key `{{key}}` in a `{{stanza}}` stanza (did you mean `{{suggestion}}`?)',
    },
  },
  check(ctx) {
    for (const v of ctx.doc.links.stanzas) {
      const keys = KNOWN_KEYS[v.kind.toLowerCase()];
      if (!keys) continue;
      for (const a of v.attributes) {
        const k = a.key.text;
        if (keys.includes(k.toLowerCase())) continue;
        const suggestion = didYouMean(k, keys);
        ctx.report({
          messageId: suggestion ? 'suggest' : 'unknown',
          data: { key: k, stanza: v.kind, suggestion: suggestion ?? '' },
          span: a.key,
        });
      }
    }
  },
});
