import { defineRule } from '@ftkit/core';
import { addOptionToLine } from '../../line-edit.js';
import type { FstabLintDoc } from '../doc.js';
import { hasOption, networkDeviceKind, ruleUrl, shown } from '../doc.js';

/** Any filesystem on a network block device (DRBD, NBD, RBD, iSCSI) needs `_netdev` for boot ordering. */
export const networkDeviceNetdev = defineRule<FstabLintDoc>()({
  meta: {
    id: 'network-device-netdev',
    description: 'Require `_netdev` for filesystems on network block devices (DRBD, NBD, RBD, iSCSI)',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('network-device-netdev'),
    messages: {
      missing: 'Missing `_netdev` for {{spec}}, a {{kind}} device that needs the network',
    },
  },
  check(ctx) {
    for (const e of ctx.doc.entries) {
      // OCFS2 entries are covered (as errors) by ocfs2-netdev.
      if (e.entry.vfstype === 'ocfs2' || hasOption(e, '_netdev') || hasOption(e, 'noauto')) continue;
      if (e.entry.vfstype === 'swap') continue;
      const kind = networkDeviceKind(e.entry.spec);
      if (!kind) continue;
      ctx.report({
        messageId: 'missing',
        data: { spec: shown(e.entry.spec), kind },
        span: e.line.fields[0]!,
        note: 'Without `_netdev` the mount is ordered with local filesystems and can run before the device exists (a DRBD device must also be Primary)',
        fix: { description: 'Add `_netdev`', edits: addOptionToLine(e.line, '_netdev') },
      });
    }
  },
});
