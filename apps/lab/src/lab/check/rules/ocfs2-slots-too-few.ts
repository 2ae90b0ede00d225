import { defineLabRule } from '../rule.js';

/** Each node mounting OCFS2 takes a slot; `mkfs.ocfs2 -N` fixes how many exist. */
export const ocfs2SlotsTooFew = defineLabRule({
  meta: {
    id: 'ocfs2-slots-too-few',
    description: 'The runbook formats OCFS2 with at least one node slot per cluster node',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      few: 'Expected at least {{nodes}} node slots for cluster `{{cluster}}`, found `-N {{slots}}`: the extra nodes cannot mount',
    },
  },
  check({ facts, report }) {
    if (!facts.runbook) return;
    for (const m of facts.runbook.mkfs) {
      const clusters = facts.nodes.flatMap((n) => n.clusters);
      const biggest = clusters.reduce<(typeof clusters)[number] | undefined>(
        (a, c) => (!a || c.nodes.length > a.nodes.length ? c : a),
        undefined,
      );
      if (!biggest || m.slots.value >= biggest.nodes.length) continue;
      report({
        messageId: 'few',
        data: { nodes: biggest.nodes.length, cluster: biggest.name.value, slots: m.slots.value },
        at: m.slots,
        related: [{ ...biggest.name, message: `the cluster has ${biggest.nodes.length} nodes` }],
      });
    }
  },
});
