import { defineRule } from '@ftkit/core';
import type { FstabLintDoc } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

/** fs_file must be an absolute path (or `none`/`swap` for swap). */
export const mountPointRelative = defineRule<FstabLintDoc>()({
  meta: {
    id: 'mount-point-relative',
    description: 'Require mount points to be absolute paths',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('mount-point-relative'),
    messages: {
      relative: 'Expected an absolute mount point, found {{file}}',
    },
  },
  check(ctx) {
    for (const e of ctx.doc.entries) {
      const f = e.entry.file;
      if (f.startsWith('/') || f === 'none' || f === 'swap' || e.entry.vfstype === 'swap') continue;
      ctx.report({
        messageId: 'relative',
        data: { file: shown(f) },
        span: e.line.fields[1]!,
        note: 'systemd-fstab-generator skips such lines and `mount -a` resolves them against the current directory',
      });
    }
  },
});
