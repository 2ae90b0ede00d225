import { defineRule } from '@ftkit/core';
import type { FstabLintDoc } from '../doc.js';
import { optionsNamed, removeOptionEdit, ruleUrl, shown } from '../doc.js';

/**
 * FS-HEARTBEAT-OPT: mount.ocfs2 adds `heartbeat=` (or `cluster_stack=`) itself from the volume.
 * With the setting `heartbeatMode` (`local`/`global`, the cluster's `heartbeat_mode` from
 * cluster.conf) a contradicting value is an error.
 */
export const ocfs2HeartbeatOption = defineRule<FstabLintDoc>()({
  meta: {
    id: 'ocfs2-heartbeat-option',
    description: 'Disallow `heartbeat=` and `cluster_stack=` in OCFS2 entries (mount.ocfs2 sets them)',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('ocfs2-heartbeat-option'),
    messages: {
      redundant: 'Unexpected {{option}}; mount.ocfs2 adds the heartbeat option from the volume itself',
      conflict:
        'Unexpected {{option}}: cluster.conf sets `heartbeat_mode = {{mode}}`, so the mount fails with "Invalid heartbeat mount options"',
    },
  },
  check(ctx) {
    const mode = ctx.settings.heartbeatMode;
    for (const e of ctx.doc.entries) {
      if (e.entry.vfstype !== 'ocfs2') continue;
      const found = [...optionsNamed(e, 'heartbeat'), ...optionsNamed(e, 'cluster_stack')];
      for (const { option, span } of found) {
        const text = `${option.name}${option.value !== undefined ? `=${option.value}` : ''}`;
        const conflict =
          option.name === 'heartbeat' &&
          (mode === 'local' || mode === 'global') &&
          (option.value === 'local' || option.value === 'global') &&
          option.value !== mode;
        const index = e.entry.options.indexOf(option);
        ctx.report({
          messageId: conflict ? 'conflict' : 'redundant',
          data: { option: shown(text), mode: typeof mode === 'string' ? mode : '' },
          span,
          ...(conflict ? { severity: 'error' as const } : {}),
          note: 'Only one heartbeat mode may be in effect and it cannot change on remount; leave it to mount.ocfs2',
          fix: { description: `Remove \`${text}\``, edits: removeOptionEdit(e, index) },
        });
      }
    }
  },
});
