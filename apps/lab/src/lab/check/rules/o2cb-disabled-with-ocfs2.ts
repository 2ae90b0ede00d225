import { defineLabRule } from '../rule.js';

/** OCFS2 mounts need the o2cb stack, which the init script starts only with `O2CB_ENABLED=true`. */
export const o2cbDisabledWithOcfs2 = defineLabRule({
  meta: {
    id: 'o2cb-disabled-with-ocfs2',
    description: 'A node that mounts OCFS2 enables the o2cb cluster stack',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      disabled: 'Expected `O2CB_ENABLED=true` on a node that mounts OCFS2, found `{{value}}`',
      missing: 'Missing /etc/default/o2cb on a node that mounts OCFS2: the cluster stack is not started',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      const mount = n.fstab.find((e) => e.fsType.value === 'ocfs2');
      if (!mount) continue;
      const enabled = n.o2cb?.vars.get('O2CB_ENABLED');
      if (!n.o2cb) {
        report({ messageId: 'missing', at: mount.fsType });
      } else if (enabled?.value !== 'true') {
        report({
          messageId: 'disabled',
          data: { value: enabled ? enabled.value : '(unset)' },
          at: enabled ?? { file: n.o2cb.file, span: { start: 0, end: 0 } },
          related: [{ ...mount.fsType, message: 'OCFS2 is mounted here' }],
        });
      }
    }
  },
});
