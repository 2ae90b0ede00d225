import { defineRule } from '@ftkit/core';
import type { FstabLintDoc } from '../doc.js';
import { optionsNamed, ruleUrl } from '../doc.js';

/** FS-NOCLUSTER: mounts a shared volume without cluster locking. */
export const ocfs2Nocluster = defineRule<FstabLintDoc>()({
  meta: {
    id: 'ocfs2-nocluster',
    description: 'Warn about `nocluster`, which mounts a shared OCFS2 volume without cluster locking',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('ocfs2-nocluster'),
    messages: {
      nocluster:
        'Unexpected `nocluster` in an fstab entry; the volume is corrupted if another node mounts it too',
    },
  },
  check(ctx) {
    for (const e of ctx.doc.entries) {
      if (e.entry.vfstype !== 'ocfs2') continue;
      for (const { span } of optionsNamed(e, 'nocluster')) {
        ctx.report({
          messageId: 'nocluster',
          span,
          note: 'Kernel support appeared in 5.18 and was reverted in the 5.18.x stable series: on most kernels the mount fails or behaves as a local mount',
        });
      }
    }
  },
});
