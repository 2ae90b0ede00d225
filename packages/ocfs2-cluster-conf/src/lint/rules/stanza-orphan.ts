import { defineRule, didYouMean } from '@ftkit/core';
import { type ClusterConfDoc, headerSpan, ruleUrl, valueSpan } from '../types.js';

/** ND-ORPHAN: a node or heartbeat that names no loaded cluster is ignored and dropped. */
export const stanzaOrphan = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'stanza-orphan',
    description: 'Flags `node` and `heartbeat` stanzas that belong to no cluster of the file',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('stanza-orphan'),
    messages: {
      missing: 'Missing `cluster` in this `{{kind}}` stanza: o2cb ignores it and drops it on its next write',
      unknown:
        'Unknown cluster `{{cluster}}`: o2cb ignores this `{{kind}}` stanza and drops it on its next write',
      suggest:
        'Unknown cluster `{{cluster}}` (did you mean `{{suggestion}}`?): o2cb ignores this `{{kind}}` stanza',
    },
  },
  check(ctx) {
    const names = ctx.doc.model.clusters.map((c) => c.name);
    for (const v of ctx.doc.links.orphans) {
      const a = v.attrs.get('cluster');
      if (!a) {
        ctx.report({ messageId: 'missing', data: { kind: v.kind }, span: headerSpan(v) });
        continue;
      }
      const suggestion = didYouMean(a.valueText, names);
      ctx.report({
        messageId: suggestion ? 'suggest' : 'unknown',
        data: { kind: v.kind, cluster: a.valueText, suggestion: suggestion ?? '' },
        span: valueSpan(a),
      });
    }
  },
});
