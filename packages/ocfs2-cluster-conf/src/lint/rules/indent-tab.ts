import { defineRule } from '@ftkit/core';
import { type ClusterConfDoc, ruleUrl } from '../types.js';

/** CC-SPACES-INDENT: o2cb reads any blanks, but writes (and its man page asks for) one TAB. */
export const indentTab = defineRule<ClusterConfDoc>({
  meta: {
    id: 'indent-tab',
    description: 'Asks for a single TAB as indentation, as o2cb writes and its man page demands',
    defaultSeverity: 'info',
    fixable: true,
    url: ruleUrl('indent-tab'),
    messages: {
      indent: 'Expected one TAB as indentation, found `{{found}}`',
    },
  },
  check(ctx) {
    for (const v of ctx.doc.links.stanzas) {
      for (const a of v.attributes) {
        if (a.indent.text === '\t') continue;
        ctx.report({
          messageId: 'indent',
          data: { found: a.indent.text.replace(/\t/g, '\\t') },
          span: a.indent,
          fix: [{ start: a.indent.start, end: a.indent.end, text: '\t' }],
        });
      }
    }
  },
});
