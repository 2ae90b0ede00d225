import { defineRule } from '@ftkit/core';
import type { DrbdVolume } from '../../schema.js';
import { at, type DrbdLintDoc, ruleUrl } from '../context.js';

/** DRBD049: newer drbd-utils no longer create `/dev/drbd_NAME` links. */
export const deviceNameArbitrary = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'device-name-arbitrary',
    description: 'Arbitrary device names (`/dev/drbd_NAME`) get no udev symlink in drbd-utils 9.23 and later',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('device-name-arbitrary'),
    messages: {
      name: '`{{name}}` is an arbitrary device name: drbd-utils 9.23+ do not create it; use `/dev/drbd{{minor}}`',
    },
  },
  check(ctx) {
    const scan = (vols: readonly DrbdVolume[]) => {
      for (const v of vols)
        if (v.device?.name?.startsWith('/dev/drbd_') || v.device?.name?.startsWith('drbd_'))
          ctx.report({
            messageId: 'name',
            data: { name: v.device.name, minor: v.device.minor ?? 'N' },
            ...at(v.device, ctx.doc),
          });
    };
    for (const r of ctx.doc.model.resources) {
      scan(r.volumes);
      for (const h of r.hosts) scan(h.volumes);
    }
  },
});
