import { defineRule } from '@ftkit/core';
import { addOptionToLine } from '../../line-edit.js';
import type { FstabLintDoc } from '../doc.js';
import { hasOption, networkDeviceKind, ruleUrl, shown } from '../doc.js';

/** FS-NETDEV: an OCFS2 mount needs the network and the cluster stack, so boot must wait for them. */
export const ocfs2Netdev = defineRule<FstabLintDoc>()({
  meta: {
    id: 'ocfs2-netdev',
    description: 'Require `_netdev` on OCFS2 entries mounted at boot',
    defaultSeverity: 'error',
    fixable: true,
    url: ruleUrl('ocfs2-netdev'),
    messages: {
      missing: 'Missing `_netdev` in the options of the OCFS2 mount at {{file}}',
      network: 'Missing `_netdev` in the options of the OCFS2 mount at {{file}} on {{kind}} device {{spec}}',
    },
  },
  check(ctx) {
    for (const e of ctx.doc.entries) {
      if (e.entry.vfstype !== 'ocfs2' || hasOption(e, '_netdev') || hasOption(e, 'noauto')) continue;
      const kind = networkDeviceKind(e.entry.spec);
      const span = e.line.fields[3] ?? e.line.fields[2]!;
      ctx.report({
        messageId: kind ? 'network' : 'missing',
        data: { file: shown(e.entry.file), spec: shown(e.entry.spec), kind: kind ?? '' },
        span,
        note: kind
          ? `The ${kind} device only exists once its network service runs; without \`_netdev\` boot mounts it before the network and o2cb are up and the mount fails`
          : 'Without `_netdev` boot mounts it with the local filesystems, before the network and the o2cb cluster stack are up, and the mount fails',
        fix: { description: 'Add `_netdev`', edits: addOptionToLine(e.line, '_netdev') },
      });
    }
  },
});
