import { defineRule, LineIndex } from '@ftkit/core';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl } from '../doc.js';

/** Repeated assignment: the shell keeps the last one, so earlier lines are dead and misleading. */
export const variableDuplicate = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'variable-duplicate',
    description: 'Disallow assigning the same variable twice (the last assignment wins)',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('variable-duplicate'),
    messages: {
      duplicate: 'Duplicate assignment of `{{name}}`; the later value {{value}} on line {{line}} wins',
    },
  },
  check(ctx) {
    const { assignments, last } = ctx.doc;
    // Built lazily and once: line numbers for the messages without rescanning the text per finding.
    let lines: LineIndex | undefined;
    for (const a of assignments) {
      const winner = last.get(a.name.text)!;
      if (winner === a) continue;
      lines ??= new LineIndex(ctx.text);
      const line = lines.pointAt(winner.start).line;
      ctx.report({
        messageId: 'duplicate',
        data: { name: a.name.text, value: `\`${winner.value.text}\``, line },
        span: a.name,
        fix: {
          description: 'Remove the overridden assignment',
          edits: [{ start: a.start, end: a.end + a.newline.length, text: '' }],
        },
        related: [{ message: 'The assignment that wins', span: winner.name }],
      });
    }
  },
});
