import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, effective, ruleUrl } from '../context.js';

/** DRBD037: without verify-alg, `drbdadm verify` cannot run. */
export const verifyAlgMissing = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'verify-alg-missing',
    description: 'Set `verify-alg` so online verification (`drbdadm verify`) is possible',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('verify-alg-missing'),
    messages: { missing: 'Missing `verify-alg` for resource `{{name}}`: online verify is impossible' },
  },
  check(ctx) {
    const cfg = ctx.doc.model;
    for (const r of cfg.resources)
      if (!effective(cfg, r, 'net', 'verify-alg').set)
        ctx.report({ messageId: 'missing', data: { name: r.name }, ...at(r, ctx.doc) });
  },
});
