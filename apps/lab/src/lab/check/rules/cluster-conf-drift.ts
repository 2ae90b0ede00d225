import { defineLabRule } from '../rule.js';
import { firstDifference } from './drbd-resource-drift.js';

/** o2cb refuses nodes its peers do not know: cluster.conf must be the same everywhere. */
export const clusterConfDrift = defineLabRule({
  meta: {
    id: 'cluster-conf-drift',
    description: 'cluster.conf describes the same clusters and nodes on every node',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      drift: 'Expected cluster.conf to match the one on `{{other}}`, found a different cluster `{{cluster}}`',
    },
  },
  check({ facts, report }) {
    const all = facts.nodes.flatMap((n) => n.clusters.map((c) => ({ node: n.node, c })));
    const byName = new Map<string, (typeof all)[number]>();
    for (const x of all) {
      const first = byName.get(x.c.name.value);
      if (!first) {
        byName.set(x.c.name.value, x);
        continue;
      }
      if (first.c.canonical === x.c.canonical) continue;
      report({
        messageId: 'drift',
        data: { other: first.node, cluster: x.c.name.value },
        at: x.c.name,
        related: [{ ...first.c.name, message: `the file on \`${first.node}\`` }],
        note: firstDifference(first.c.canonical, x.c.canonical),
      });
    }
  },
});
