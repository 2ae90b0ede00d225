import { defineRule } from '@ftkit/core';
import type { FstabLintDoc } from '../doc.js';
import { ruleUrl } from '../doc.js';

/** FS-PASSNO: boot-time fsck of a shared volume. */
export const ocfs2Passno = defineRule<FstabLintDoc>()({
  meta: {
    id: 'ocfs2-passno',
    description: 'Require fs_passno 0 for OCFS2 (no boot-time fsck of a shared volume)',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('ocfs2-passno'),
    messages: {
      passno: 'Expected fs_passno `0` for the OCFS2 volume at {{file}}, found `{{passno}}`',
    },
  },
  check(ctx) {
    for (const e of ctx.doc.entries) {
      const f = e.line.fields[5];
      if (e.entry.vfstype !== 'ocfs2' || e.entry.passno === 0 || !f) continue;
      ctx.report({
        messageId: 'passno',
        data: { file: `\`${e.entry.file}\``, passno: f.raw },
        span: f,
        note: 'fsck.ocfs2 at boot checks a volume other nodes may have mounted, and delays boot; run it by hand with the cluster down',
        fix: { description: 'Set fs_passno to 0', edits: [{ start: f.start, end: f.end, text: '0' }] },
      });
    }
  },
});
