import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, ruleUrl } from '../types.js';

/** CC-CONTINUATION: a value ending in `\` continues on the next line. */
export const valueContinuation = defineRule<ClusterConfDoc>()({
  meta: {
    id: 'value-continuation',
    description: 'Flags values continued on the next line with a trailing backslash',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('value-continuation'),
    messages: {
      continued:
        'Unexpected `\\` at the end of the value of `{{key}}`: the next line becomes part of the value',
    },
  },
  check(ctx) {
    for (const v of ctx.doc.links.stanzas) {
      for (const a of v.attributes) {
        if (!a.value) continue;
        const i = a.value.text.indexOf('\\\n');
        if (i < 0) continue;
        const at = a.value.start + i;
        ctx.report({ messageId: 'continued', data: { key: a.key.text }, span: { start: at, end: at + 1 } });
      }
    }
  },
});
