import { defineRule, escapedByBackslash, type TextEdit } from '@ftkit/core';
import { linesOf } from '../../cst/print.js';
import { type ClusterConfDoc, ruleUrl } from '../types.js';

/** CC-CRLF on the lines o2cb tolerates it on (the fatal ones are parse errors). */
export const lineEndingCrlf = defineRule<ClusterConfDoc>()({
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
    if (ctx.doc.cst.problems.some((p) => p.code === 'ocfs2/crlf')) return;
    const text = ctx.doc.cst.text;
    const crs: TextEdit[] = [];
    let count = 0;
    let first: number | undefined;
    for (const l of linesOf(ctx.doc.cst)) {
      if (l.newline?.text !== '\r\n') continue;
      count++;
      first ??= l.newline.start;
      // `\<CR><LF>`: the backslash escapes the CR; without the CR it would join the next line to
      // the value. Such a line keeps its CR (and is fixed by hand).
      if (escapedByBackslash(text, l.newline.start)) continue;
      crs.push({ start: l.newline.start, end: l.newline.start + 1, text: '' });
    }
    if (first === undefined) return;
    ctx.report({
      messageId: 'crlf',
      data: { count },
      span: { start: first, end: first + 2 },
      ...(crs.length > 0 ? { fix: crs } : {}),
    });
  },
});
