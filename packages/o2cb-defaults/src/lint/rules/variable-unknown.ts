import { defineRule, didYouMean } from '@ftkit/core';
import { VARIABLES, variableInfo } from '../../variables.js';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl } from '../doc.js';

const KNOWN = VARIABLES.map((v) => v.name);

/**
 * DO-UNKNOWN-VAR: a variable ocfs2-tools 1.8.x does not read. A near miss of a known name is a
 * warning (the intended setting silently does nothing); other `O2CB_*` names are info; other
 * variables are ignored (a sourced file may set helpers for itself).
 */
export const variableUnknown = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'variable-unknown',
    description: 'Report variables ocfs2-tools does not read, with a did-you-mean for typos',
    defaultSeverity: 'info',
    fixable: true,
    url: ruleUrl('variable-unknown'),
    messages: {
      typo: 'Unknown variable `{{name}}`; did you mean `{{suggestion}}`?',
      unknown: 'Unknown variable `{{name}}`; ocfs2-tools reads only {{known}}',
    },
  },
  check(ctx) {
    for (const a of ctx.doc.assignments) {
      const name = a.name.text;
      if (variableInfo(name)) continue;
      const suggestion = didYouMean(name, KNOWN);
      if (suggestion !== undefined) {
        ctx.report({
          messageId: 'typo',
          data: { name, suggestion },
          span: a.name,
          severity: 'warning',
          note: 'The setting has no effect under this name',
          fix: {
            description: `Rename to \`${suggestion}\``,
            edits: [{ start: a.name.start, end: a.name.end, text: suggestion }],
          },
        });
      } else if (/^O2CB_/i.test(name)) {
        ctx.report({
          messageId: 'unknown',
          data: { name, known: 'the seven O2CB_* variables of o2cb.sysconfig(5)' },
          span: a.name,
        });
      }
    }
  },
});
