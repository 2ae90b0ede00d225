import { defineLabRule } from '../rule.js';
import { hostOf, sameHost } from './util.js';

/** Writing the backing disk directly bypasses replication and corrupts DRBD's metadata. */
export const drbdBackingDiskMounted = defineLabRule({
  meta: {
    id: 'drbd-backing-disk-mounted',
    description: 'fstab never mounts the backing disk of a DRBD resource directly',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      mounted:
        'Expected the DRBD device `{{device}}`, found its backing disk `{{disk}}`: writes bypass replication',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      const host = hostOf(n);
      for (const r of n.drbd) {
        const h =
          r.hosts.find((x) => sameHost(x.name.value, host)) ?? (r.hosts.length ? undefined : undefined);
        if (!h?.disk) continue;
        for (const e of n.fstab) {
          if (e.spec.value !== h.disk.value) continue;
          report({
            messageId: 'mounted',
            data: { device: h.device?.value ?? `/dev/drbd (resource ${r.name.value})`, disk: h.disk.value },
            at: e.spec,
            related: [{ ...h.disk, message: `resource \`${r.name.value}\` uses this disk` }],
          });
        }
      }
    }
  },
});
