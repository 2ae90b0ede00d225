import { defineRule } from '@ftkit/core';
import type { FstabLintDoc } from '../doc.js';
import { removeOptionEdit, ruleUrl } from '../doc.js';

/** FS-DATAVOLUME: an OCFS2 1.2/1.4 option that mainline kernels reject. */
export const ocfs2Datavolume = defineRule<FstabLintDoc>()({
  meta: {
    id: 'ocfs2-datavolume',
    description: 'Disallow the obsolete `datavolume` option, which mainline kernels reject',
    defaultSeverity: 'error',
    fixable: true,
    url: ruleUrl('ocfs2-datavolume'),
    messages: {
      obsolete: 'Unexpected `datavolume`; mainline kernels do not know it and the mount fails',
    },
  },
  check(ctx) {
    for (const e of ctx.doc.entries) {
      if (e.entry.vfstype !== 'ocfs2') continue;
      e.entry.options.forEach((o, i) => {
        if (o.name !== 'datavolume') return;
        ctx.report({
          messageId: 'obsolete',
          span: e.optionSpans[i]!,
          note: 'It belonged to the out-of-tree OCFS2 1.2/1.4 (old Oracle RAC notes); use the database setting `filesystemio_options` instead',
          fix: { description: 'Remove `datavolume`', edits: removeOptionEdit(e, i) },
        });
      });
    }
  },
});
