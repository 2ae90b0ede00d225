import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, ruleUrl, sections } from '../context.js';

/** DRBD036: peer authentication needs both `cram-hmac-alg` and `shared-secret`. */
export const authenticationIncomplete = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'authentication-incomplete',
    description: '`cram-hmac-alg` and `shared-secret` only work together',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('authentication-incomplete'),
    messages: {
      secret: 'Missing `shared-secret` for `cram-hmac-alg`: peers are not authenticated',
      alg: 'Missing `cram-hmac-alg` for `shared-secret`: the secret is not used',
    },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    const done = new Set<object>();
    for (const { section, resource, place } of sections(cfg)) {
      if (section.kind !== 'net' || (place !== 'resource' && place !== 'common')) continue;
      for (const o of section.options) {
        if (done.has(o)) continue;
        if (o.name === 'cram-hmac-alg' && !effective(cfg, resource, 'net', 'shared-secret').set) {
          done.add(o);
          ctx.report({ messageId: 'secret', ...at(o, ctx.doc) });
        }
        if (o.name === 'shared-secret' && !effective(cfg, resource, 'net', 'cram-hmac-alg').set) {
          done.add(o);
          ctx.report({ messageId: 'alg', ...at(o, ctx.doc) });
        }
      }
    }
  },
});
