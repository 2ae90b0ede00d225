import { defineRule } from '@ftkit/core';
import type { DrbdVolume } from '../../schema.js';
import { at, type DrbdLintDoc, ruleUrl } from '../context.js';

/** DRBD022: the same volume number twice in one scope (drbdadm merges or duplicates silently). */
export const volumeDuplicate = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'volume-duplicate',
    description: 'A volume number may be defined only once per resource or host section',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('volume-duplicate'),
    messages: { dup: 'Duplicate `volume {{number}}`' },
  },
  check(ctx) {
    const scan = (vols: readonly DrbdVolume[]) => {
      const seen = new Set<number>();
      for (const v of vols) {
        if (v.number === undefined) continue;
        if (seen.has(v.number))
          ctx.report({ messageId: 'dup', data: { number: v.number }, ...at(v, ctx.doc) });
        seen.add(v.number);
      }
    };
    for (const r of ctx.doc.model.resources) {
      scan(r.volumes);
      for (const h of r.hosts) scan(h.volumes);
    }
  },
});
