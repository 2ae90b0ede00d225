import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, ruleUrl } from '../context.js';

/** DRBD047: `connection NAME {` — the name is ignored (drbdadm warns). */
export const connectionNamed = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'connection-named',
    description: 'Connection names are deprecated and ignored',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('connection-named'),
    messages: { named: 'Unexpected connection name `{{name}}`: drbdadm ignores it' },
  },
  check(ctx) {
    for (const r of ctx.doc.model.resources)
      for (const c of r.connections) {
        if (c.name === undefined || !c.span) continue;
        const own = c.file === undefined || c.file === ctx.doc.fileName;
        const text = ctx.doc.text;
        const head = own
          ? /^connection([ \t]+("(?:[^"\\\n]|\\.)*"|[^\s{#]+))[ \t]*\{/.exec(
              text.slice(c.span.start, c.span.end),
            )
          : null;
        const fix = head
          ? [{ start: c.span.start + 'connection'.length, end: c.span.start + head[0].length - 1, text: ' ' }]
          : undefined;
        ctx.report({
          messageId: 'named',
          data: { name: c.name },
          ...at(c, ctx.doc),
          ...(fix ? { fix } : {}),
        });
      }
  },
});
