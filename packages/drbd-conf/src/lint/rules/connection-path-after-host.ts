import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, ruleUrl } from '../context.js';

/** DRBD048: bare `host` endpoints and `path { }` in one connection: dump loses the path. */
export const connectionPathAfterHost = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'connection-path-after-host',
    description: 'Do not mix bare `host` endpoints and `path` sections in one connection',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('connection-path-after-host'),
    messages: {
      mixed:
        'Unexpected `path` after bare `host` endpoints: `drbdadm dump` drops the path; write every path explicitly',
    },
  },
  check(ctx) {
    for (const r of ctx.doc.model.resources)
      for (const c of r.connections)
        if (c.endpoints.length > 0 && c.paths.length > 0)
          ctx.report({ messageId: 'mixed', ...at(c.paths[0]!, ctx.doc) });
  },
});
