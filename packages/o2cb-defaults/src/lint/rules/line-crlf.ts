import { defineRule, escapedByBackslash } from '@ftkit/core';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl } from '../doc.js';

/** DO-CRLF: a CR before the line feed becomes part of the value (`true\r` is not `true`). */
export const lineCrlf = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'line-crlf',
    description: 'Disallow carriage returns (Windows line ends), which the shell keeps in values',
    defaultSeverity: 'error',
    fixable: true,
    url: ruleUrl('line-crlf'),
    messages: {
      crlf: 'Unexpected carriage return at the end of the line; the shell makes it part of the value',
    },
  },
  check(ctx) {
    for (const line of ctx.doc.cst.lines) {
      if (!line.raw.endsWith('\r')) continue;
      // `\<CR>` is an escaped CR; removing the CR would turn the backslash into a line
      // continuation that joins the next line, so no automatic fix then.
      const continuation = line.type !== 'comment' && escapedByBackslash(line.raw, line.raw.length - 1);
      ctx.report({
        messageId: 'crlf',
        span: { start: line.end - 1, end: line.end },
        note:
          line.type === 'assignment'
            ? `\`${line.name.text}\` is set to a value ending in \\r, so \`O2CB_ENABLED=true\` no longer enables anything and numbers are rejected`
            : 'Save the file with LF line ends',
        ...(continuation
          ? {}
          : {
              fix: {
                description: 'Remove the carriage return',
                edits: [{ start: line.end - 1, end: line.end, text: '' }],
              },
            }),
      });
    }
  },
});
