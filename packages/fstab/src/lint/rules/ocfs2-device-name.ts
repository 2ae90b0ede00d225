import { defineRule } from '@ftkit/core';
import type { FstabLintDoc } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

const KERNEL_NAME = /^\/dev\/(sd[a-z]+|vd[a-z]+|xvd[a-z]+|hd[a-z]+|nvme\d+n\d+)(p?\d+)?$/;

/** FS-DEVNAME: kernel device names of shared disks differ between nodes and boots. */
export const ocfs2DeviceName = defineRule<FstabLintDoc>()({
  meta: {
    id: 'ocfs2-device-name',
    description: 'Prefer `UUID=`, `LABEL=` or multipath names over `/dev/sdX` for OCFS2 volumes',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('ocfs2-device-name'),
    messages: {
      kernelName: 'Unexpected kernel device name {{spec}} for a shared OCFS2 volume; use `UUID=` or `LABEL=`',
    },
  },
  check(ctx) {
    for (const e of ctx.doc.entries) {
      if (e.entry.vfstype !== 'ocfs2' || !KERNEL_NAME.test(e.entry.spec)) continue;
      ctx.report({
        messageId: 'kernelName',
        data: { spec: shown(e.entry.spec) },
        span: e.line.fields[0]!,
        note: 'The same shared LUN can be `/dev/sdc` on one node and `/dev/sdd` on another, or change after a reboot; `blkid` shows the UUID',
      });
    }
  },
});
