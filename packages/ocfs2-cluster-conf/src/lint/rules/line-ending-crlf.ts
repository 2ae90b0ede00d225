import { defineRule, type TextEdit } from '@ftkit/core';
import { linesOf } from '../../cst/print.js';
import { type ClusterConfDoc, ruleUrl } from '../types.js';

/** CC-CRLF on the lines o2cb tolerates it on (the fatal ones are parse errors). */
export const lineEndingCrlf = defineRule<ClusterConfDoc>({
  meta: {
    id: 'line-ending-crlf',
    description: 'Flags CRLF line ends on attribute and comment lines, where o2cb still tolerates them',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('line-ending-crlf'),
    messages: {
      crlf: 'Expected LF line ends, found CRLF on {{count}} lines: one more on a header or blank line and o2cb refuses the file',
    },
  },
  check(ctx) {
    // With a CR on a header or blank line the file is already refused; parse reports that.
    if (ctx.doc.cst.problems.some((p) => p.code === 'CRLF')) return;
    const crs: TextEdit[] = [];
    for (const l of linesOf(ctx.doc.cst)) {
      if (l.newline && l.newline.text === '\r\n')
        crs.push({ start: l.newline.start, end: l.newline.start + 1, text: '' });
    }
    const first = crs[0];
    if (!first) return;
    ctx.report({
      messageId: 'crlf',
      data: { count: crs.length },
      span: { start: first.start, end: first.start + 2 },
      fix: crs,
    });
  },
});
