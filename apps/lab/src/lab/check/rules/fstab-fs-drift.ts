import { defineLabRule } from '../rule.js';
import { drbdMounts, resourceForDevice } from './util.js';

/** One replicated device holds one file system; nodes that disagree about it cannot both be right. */
export const fstabFsDrift = defineLabRule({
  meta: {
    id: 'fstab-fs-drift',
    description: 'Every node mounts a DRBD resource with the same file system type',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      drift: 'Expected `{{first}}` for resource `{{resource}}` as on `{{other}}`, found `{{fs}}`',
    },
  },
  check({ facts, report }) {
    const first = new Map<
      string,
      { node: string; fs: { file: string; span: { start: number; end: number }; value: string } }
    >();
    for (const n of facts.nodes) {
      for (const e of drbdMounts(n)) {
        const r = resourceForDevice(n, e.spec.value);
        const key = r?.name.value ?? e.spec.value;
        const prev = first.get(key);
        if (!prev) {
          first.set(key, { node: n.node, fs: e.fsType });
          continue;
        }
        if (prev.fs.value === e.fsType.value) continue;
        report({
          messageId: 'drift',
          data: { first: prev.fs.value, resource: key, other: prev.node, fs: e.fsType.value },
          at: e.fsType,
          related: [{ ...prev.fs, message: `\`${prev.node}\` mounts it as \`${prev.fs.value}\`` }],
        });
      }
    }
  },
});
