import type { FstabEntryFact } from '../facts.js';
import { defineLabRule, groupBy } from '../rule.js';
import { drbdMounts, localFileSystems, resourceForDevice } from './util.js';

/** ext4 or xfs mounted by two nodes at once is silent data corruption. */
export const localFsSharedMount = defineLabRule({
  meta: {
    id: 'local-fs-shared-mount',
    description: 'A non-cluster file system on a DRBD device is mounted at boot by one node only',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      shared:
        'Unexpected `{{fs}}` mount of resource `{{resource}}` on {{count}} nodes: a non-cluster file system mounted twice is corrupted',
    },
  },
  check({ facts, report }) {
    const all: { node: string; e: FstabEntryFact; res: string }[] = [];
    for (const n of facts.nodes)
      for (const e of drbdMounts(n)) {
        if (!localFileSystems.has(e.fsType.value)) continue;
        // A `noauto` entry is mounted by hand on the primary only (the standby's failover entry).
        if (e.options.some((o) => o.value === 'noauto')) continue;
        const r = resourceForDevice(n, e.spec.value);
        all.push({ node: n.node, e, res: r?.name.value ?? e.spec.value });
      }
    for (const [res, list] of groupBy(all, (x) => x.res)) {
      const nodes = new Set(list.map((x) => x.node));
      if (nodes.size < 2) continue;
      const [first, ...rest] = list;
      report({
        messageId: 'shared',
        data: { fs: first!.e.fsType.value, resource: res, count: nodes.size },
        at: first!.e.fsType,
        related: rest.map((x) => ({
          file: x.e.file,
          span: x.e.fsType.span,
          message: `also mounted on \`${x.node}\``,
        })),
        note: 'Mount it on the primary only, or use OCFS2 with dual-primary DRBD',
      });
    }
  },
});
