import { defineLabRule } from '../rule.js';

/**
 * `o2cb register-cluster $O2CB_BOOTCLUSTER` fails with `Unknown cluster` when cluster.conf lacks it.
 * Only when `O2CB_ENABLED=true`: otherwise the init script's `start` exits before reading the boot
 * cluster, which is why Debian's default file (`O2CB_ENABLED=false`, `O2CB_BOOTCLUSTER=ocfs2`, no
 * cluster.conf) is fine on a machine that has ocfs2-tools installed but no cluster.
 */
export const o2cbBootclusterUnknown = defineLabRule({
  meta: {
    id: 'o2cb-bootcluster-unknown',
    description: 'O2CB_BOOTCLUSTER names a cluster of cluster.conf',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      unknown: 'Unknown cluster `{{name}}`: expected one of {{known}} from cluster.conf',
      noFile: 'Unknown cluster `{{name}}`: this node has no cluster.conf',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      if (n.o2cb?.vars.get('O2CB_ENABLED')?.value !== 'true') continue;
      const boot = n.o2cb.vars.get('O2CB_BOOTCLUSTER');
      if (!boot || boot.value === '') continue;
      if (n.clusters.some((c) => c.name.value === boot.value)) continue;
      if (n.clusters.length === 0) {
        report({ messageId: 'noFile', data: { name: boot.value }, at: boot });
        continue;
      }
      report({
        messageId: 'unknown',
        data: { name: boot.value, known: n.clusters.map((c) => `\`${c.name.value}\``).join(', ') },
        at: boot,
        related: n.clusters.map((c) => ({
          ...c.name,
          message: `cluster \`${c.name.value}\` is defined here`,
        })),
      });
    }
  },
});
