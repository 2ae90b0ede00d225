import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, options, ruleUrl } from '../context.js';

/** DRBD013: DRBD 9 needs the `.9.sh` Pacemaker fencing scripts. */
export const crmFencePeerVersion = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'crm-fence-peer-version',
    description: 'DRBD 9 resources must use `crm-fence-peer.9.sh` / `crm-unfence-peer.9.sh`',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('crm-fence-peer-version'),
    messages: { script: 'Expected `{{want}}` for DRBD 9, found `{{found}}`' },
  },
  check(ctx) {
    if (ctx.doc.version !== '9') return;
    for (const { option } of options(ctx.doc.model)) {
      const v = option.value ?? '';
      const m = /crm-(un)?fence-peer\.sh/.exec(v);
      if (!m || !option.span) continue;
      const found = m[0];
      const want = found.replace('.sh', '.9.sh');
      const own = option.file === undefined || option.file === ctx.doc.fileName;
      const i = own ? ctx.doc.text.indexOf(found, option.span.start) : -1;
      const fix =
        i >= 0 && i < option.span.end ? [{ start: i, end: i + found.length, text: want }] : undefined;
      ctx.report({
        messageId: 'script',
        data: { want, found },
        ...at(option, ctx.doc),
        ...(fix ? { fix } : {}),
      });
    }
  },
});
