import { defineRule } from '@ftkit/core';
import { addOptionToLine } from '../../line-edit.js';
import type { FstabLintDoc } from '../doc.js';
import { hasOption, ruleUrl, shown } from '../doc.js';

const ORDERING = /^x-systemd\.(requires|after|wants)$/;

/**
 * FS-SYSTEMD-REQUIRES: on systemd hosts `_netdev` orders after the network but not after o2cb;
 * Debian's NEWS asks for `x-systemd.requires=o2cb.service`. Skipped with setting `systemd: false`.
 */
export const ocfs2SystemdRequires = defineRule<FstabLintDoc>()({
  meta: {
    id: 'ocfs2-systemd-requires',
    description: 'Require `x-systemd.requires=o2cb.service` on OCFS2 boot mounts (systemd hosts)',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('ocfs2-systemd-requires'),
    messages: {
      missing: 'Missing `x-systemd.requires=o2cb.service` for the OCFS2 mount at {{file}}',
    },
  },
  check(ctx) {
    if (ctx.settings.systemd === false) return;
    for (const e of ctx.doc.entries) {
      if (e.entry.vfstype !== 'ocfs2' || hasOption(e, 'noauto')) continue;
      const ordered = e.entry.options.some(
        (o) => ORDERING.test(o.name) && /^o2cb(\.service)?$/.test(o.value ?? ''),
      );
      if (ordered) continue;
      ctx.report({
        messageId: 'missing',
        data: { file: shown(e.entry.file) },
        span: e.line.fields[3] ?? e.line.fields[2]!,
        note: 'Under systemd the mount can race the o2cb service that brings the cluster online; set `systemd: false` for SysV hosts',
        fix: {
          description: 'Add `x-systemd.requires=o2cb.service`',
          edits: addOptionToLine(e.line, 'x-systemd.requires=o2cb.service'),
        },
      });
    }
  },
});
