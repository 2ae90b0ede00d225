import { defineRule } from '@ftkit/core';
import type { FstabLintDoc } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

/** FS-RESV-RANGE: out-of-range reservation levels are silently ignored. */
export const ocfs2ResvLevel = defineRule<FstabLintDoc>()({
  meta: {
    id: 'ocfs2-resv-level',
    description: 'Require OCFS2 `resv_level` and `dir_resv_level` to be 0–8',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('ocfs2-resv-level'),
    messages: {
      range: 'Expected `{{name}}` from 0 to 8, found {{value}}; the kernel ignores it and keeps {{fallback}}',
    },
  },
  check(ctx) {
    for (const e of ctx.doc.entries) {
      if (e.entry.vfstype !== 'ocfs2') continue;
      e.entry.options.forEach((o, i) => {
        if ((o.name !== 'resv_level' && o.name !== 'dir_resv_level') || o.value === undefined) return;
        if (!/^[0-9]+$/.test(o.value) || Number(o.value) <= 8) return;
        ctx.report({
          messageId: 'range',
          data: {
            name: o.name,
            value: shown(o.value),
            fallback: o.name === 'resv_level' ? 'the default 2' : 'the value of `resv_level`',
          },
          span: e.optionSpans[i]!,
          note: 'The mount succeeds, so the mistake goes unnoticed',
        });
      });
    }
  },
});
