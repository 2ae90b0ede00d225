import { defineRule } from '@ftkit/core';
import type { DrbdVolume } from '../../schema.js';
import { at, type DrbdLintDoc, ruleUrl } from '../context.js';

/** DRBD050: indexed external meta-data uses fixed 128 MiB slots (≤ 4 TiB of data). */
export const metaDiskIndexed = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'meta-disk-indexed',
    description: 'Indexed external meta-data (`DEV [N]`) limits the device to about 4 TiB',
    defaultSeverity: 'info',
    fixable: false,
    url: ruleUrl('meta-disk-indexed'),
    messages: {
      indexed:
        '`meta-disk {{path}} [{{index}}]` uses a fixed 128 MiB slot: the data device can be at most about 4 TiB',
    },
  },
  check(ctx) {
    const scan = (vols: readonly DrbdVolume[]) => {
      for (const v of vols)
        if (v.metaDisk?.kind === 'external' && v.metaDisk.index !== undefined)
          ctx.report({
            messageId: 'indexed',
            data: { path: v.metaDisk.path, index: v.metaDisk.index },
            ...at(v, ctx.doc),
          });
    };
    for (const r of ctx.doc.model.resources) {
      scan(r.volumes);
      for (const h of r.hosts) scan(h.volumes);
    }
  },
});
