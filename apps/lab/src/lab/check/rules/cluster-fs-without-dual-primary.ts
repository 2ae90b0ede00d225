import { defineLabRule } from '../rule.js';
import { clusterFileSystems, drbdMounts, resourceForDevice } from './util.js';

/** A cluster file system mounted on several nodes needs the device primary on all of them. */
export const clusterFsWithoutDualPrimary = defineLabRule({
  meta: {
    id: 'cluster-fs-without-dual-primary',
    description: 'A DRBD device that several nodes mount as OCFS2 allows two primaries',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      single:
        'Missing `allow-two-primaries yes` in resource `{{resource}}`: {{count}} nodes mount it as `{{fs}}`, but only one can be primary',
    },
  },
  check({ facts, report }) {
    const seen = new Set<string>();
    for (const n of facts.nodes) {
      for (const e of drbdMounts(n)) {
        if (!clusterFileSystems.has(e.fsType.value)) continue;
        const r = resourceForDevice(n, e.spec.value);
        if (!r || r.allowTwoPrimaries?.value) continue;
        const mounters = facts.nodes.flatMap((m) =>
          drbdMounts(m).filter(
            (x) =>
              clusterFileSystems.has(x.fsType.value) &&
              resourceForDevice(m, x.spec.value)?.name.value === r.name.value,
          ),
        );
        if (mounters.length < 2 || seen.has(`${r.file}`)) continue;
        seen.add(r.file);
        report({
          messageId: 'single',
          data: { resource: r.name.value, count: mounters.length, fs: e.fsType.value },
          at: r.name,
          related: mounters.map((x) => ({ file: x.file, span: x.fsType.span, message: 'mounted here' })),
        });
      }
    }
  },
});
