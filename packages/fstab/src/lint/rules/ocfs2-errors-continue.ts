import { defineRule } from '@ftkit/core';
import type { FstabLintDoc } from '../doc.js';
import { ruleUrl } from '../doc.js';

/** FS-ERRORS-CONTINUE: `errors=continue` exists only in newer kernels. */
export const ocfs2ErrorsContinue = defineRule<FstabLintDoc>()({
  meta: {
    id: 'ocfs2-errors-continue',
    description: 'Note that OCFS2 `errors=continue` needs a recent kernel and keeps using a damaged volume',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('ocfs2-errors-continue'),
    messages: {
      continue:
        'Unexpected `errors=continue` on OCFS2; older kernels reject it and newer ones keep writing to a damaged volume',
    },
  },
  check(ctx) {
    for (const e of ctx.doc.entries) {
      if (e.entry.vfstype !== 'ocfs2') continue;
      e.entry.options.forEach((o, i) => {
        if (o.name === 'errors' && o.value === 'continue') {
          ctx.report({
            messageId: 'continue',
            span: e.optionSpans[i]!,
            note: 'The default `errors=remount-ro` stops writes on detected corruption; `errors=panic` fences the node',
          });
        }
      });
    }
  },
});
