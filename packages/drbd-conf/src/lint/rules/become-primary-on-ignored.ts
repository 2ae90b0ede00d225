import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD011: drbdadm 9 parses `become-primary-on` and drops it. */
export const becomePrimaryOnIgnored = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'become-primary-on-ignored',
    description: 'DRBD 9 ignores `become-primary-on`; use `auto-promote` or a cluster manager',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('become-primary-on-ignored'),
    messages: {
      ignored: 'Unexpected `become-primary-on`: DRBD 9 ignores it (remove it and rely on `auto-promote`)',
    },
  },
  check(ctx) {
    if (ctx.doc.version !== '9') return;
    for (const { option } of options(ctx.doc.model)) {
      if (option.name !== 'become-primary-on' || !option.span) continue;
      const text = option.file === undefined || option.file === ctx.doc.fileName ? ctx.doc.text : undefined;
      const fix = text !== undefined ? [removeLine(text, option.span)] : undefined;
      ctx.report({ messageId: 'ignored', ...at(option, ctx.doc), ...(fix ? { fix } : {}) });
    }
  },
});

/** An edit deleting `span` together with its line when nothing else is on it. */
export function removeLine(text: string, span: { start: number; end: number }) {
  const ls = text.lastIndexOf('\n', span.start - 1) + 1;
  let le = text.indexOf('\n', span.end);
  if (le < 0) le = text.length;
  if (text.slice(ls, span.start).trim() === '' && text.slice(span.end, le).trim() === '')
    return { start: ls, end: Math.min(le + 1, text.length), text: '' };
  let end = span.end;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return { start: span.start, end, text: '' };
}
