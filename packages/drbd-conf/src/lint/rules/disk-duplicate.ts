import { defineRule } from '@ftkit/core';
import { hostVolumes } from '../../model/volumes.js';
import { at, type DrbdLintDoc, ruleUrl } from '../context.js';

/** DRBD023: one backing disk (or external meta-disk slot) used twice on the same host. */
export const diskDuplicate = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'disk-duplicate',
    description: 'A backing disk or meta-disk slot may be used only once per host',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('disk-duplicate'),
    messages: {
      disk: 'Duplicate backing disk `{{disk}}` on host `{{host}}`',
      meta: 'Duplicate meta-disk `{{meta}}` on host `{{host}}`',
    },
  },
  check(ctx) {
    const disks = new Map<string, true>();
    const metas = new Map<string, true>();
    for (const r of ctx.doc.model.resources) {
      for (const h of r.hosts) {
        if (h.kind !== 'on') continue;
        for (const { vol } of hostVolumes(r, h).values()) {
          for (const name of h.names) {
            if (vol.disk !== undefined && vol.disk !== 'none') {
              const k = `${name}\0${vol.disk}`;
              if (disks.has(k))
                ctx.report({ messageId: 'disk', data: { disk: vol.disk, host: name }, ...at(h, ctx.doc) });
              disks.set(k, true);
            }
            if (vol.metaDisk?.kind === 'external') {
              const m = `${vol.metaDisk.path}[${vol.metaDisk.index ?? 'flexible'}]`;
              const k = `${name}\0${m}`;
              if (metas.has(k))
                ctx.report({ messageId: 'meta', data: { meta: m, host: name }, ...at(h, ctx.doc) });
              metas.set(k, true);
            }
          }
        }
      }
    }
  },
});
