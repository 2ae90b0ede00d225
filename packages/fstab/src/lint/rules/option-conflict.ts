import { defineRule } from '@ftkit/core';
import type { FstabLintDoc } from '../doc.js';
import { removeOptionsEdit, ruleUrl, shown } from '../doc.js';

/** Pairs of flags that undo each other; the one written last wins. */
const OPPOSITES: readonly (readonly [string, string])[] = [
  ['ro', 'rw'],
  ['auto', 'noauto'],
  ['intr', 'nointr'],
  ['user_xattr', 'nouser_xattr'],
  ['acl', 'noacl'],
  ['atime', 'noatime'],
  ['exec', 'noexec'],
  ['suid', 'nosuid'],
  ['dev', 'nodev'],
  ['sync', 'async'],
  ['discard', 'nodiscard'],
  ['barrier', 'nobarrier'],
];
const OPPOSITE = new Map<string, string>(OPPOSITES.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]));

/**
 * Options that contradict or repeat each other within one entry (`ro,rw`, `intr,nointr`,
 * `data=ordered,data=writeback`, `_netdev,_netdev`). The last one wins, so earlier ones mislead.
 */
export const optionConflict = defineRule<FstabLintDoc>({
  meta: {
    id: 'option-conflict',
    description: 'Disallow options that repeat or contradict a later option of the same entry',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('option-conflict'),
    messages: {
      repeated: 'Duplicate option {{option}}',
      overridden: 'Unexpected {{option}}, overridden by the later {{later}}',
    },
  },
  check(ctx) {
    for (const e of ctx.doc.entries) {
      const opts = e.entry.options;
      opts.forEach((o, i) => {
        if (o.name === '' || o.name === 'defaults') return;
        const later = opts.findIndex((p, j) => {
          if (j <= i) return false;
          if (p.name === o.name) return true;
          return o.value === undefined && p.value === undefined && OPPOSITE.get(o.name) === p.name;
        });
        if (later < 0) return;
        const text = (x: (typeof opts)[number]) => `${x.name}${x.value !== undefined ? `=${x.value}` : ''}`;
        const l = opts[later]!;
        const same = text(l) === text(o);
        ctx.report({
          messageId: same ? 'repeated' : 'overridden',
          data: { option: shown(text(o)), later: shown(text(l)) },
          span: e.optionSpans[i]!,
          note: same
            ? 'One is enough'
            : 'mount(8) and the kernel apply options in order, so only the last takes effect',
          fix: { description: `Remove \`${text(o)}\``, edits: removeOptionsEdit(e, [i]) },
          related: [{ message: 'The option that takes effect', span: e.optionSpans[later]! }],
        });
      });
    }
  },
});
