import { defineRule } from '@ftkit/core';
import type { FstabLintDoc } from '../doc.js';
import { removeOptionEdit, ruleUrl, shown } from '../doc.js';

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
export const optionConflict = defineRule<FstabLintDoc>()({
  meta: {
    id: 'option-conflict',
    description: 'Disallow options that repeat or contradict a later option of the same entry',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('option-conflict'),
    messages: {
      repeated: 'Duplicate option {{option}}',
      more: '{{count}} more repeated or overridden options in this entry are not listed',
      overridden: 'Unexpected {{option}}, overridden by the later {{later}}',
    },
  },
  check(ctx) {
    for (const e of ctx.doc.entries) {
      const opts = e.entry.options;
      // Last index of every option name: one pass, so a line with 100,000 options stays linear.
      const last = new Map<string, number>();
      opts.forEach((o, i) => {
        last.set(o.name, i);
      });
      const text = (x: (typeof opts)[number]) => `${x.name}${x.value !== undefined ? `=${x.value}` : ''}`;
      let reported = 0;
      let skipped = 0;
      opts.forEach((o, i) => {
        if (o.name === '' || o.name === 'defaults') return;
        const same = last.get(o.name) ?? -1;
        const opposite = OPPOSITE.get(o.name);
        const other = o.value === undefined && opposite !== undefined ? (last.get(opposite) ?? -1) : -1;
        // The opposite only counts when it is a bare flag too.
        const otherOk = other > i && opts[other]!.value === undefined ? other : -1;
        const later = Math.max(same > i ? same : -1, otherOk);
        if (later < 0) return;
        if (reported >= 100) {
          skipped++;
          return;
        }
        reported++;
        const l = opts[later]!;
        const repeated = text(l) === text(o);
        ctx.report({
          messageId: repeated ? 'repeated' : 'overridden',
          data: { option: shown(text(o)), later: shown(text(l)) },
          span: e.optionSpans[i]!,
          note: repeated
            ? 'One is enough'
            : 'mount(8) and the kernel apply options in order, so only the last takes effect',
          fix: { description: `Remove \`${text(o)}\``, edits: removeOptionEdit(e, i) },
          related: [{ message: 'The option that takes effect', span: e.optionSpans[later]! }],
        });
      });
      if (skipped > 0) ctx.report({ messageId: 'more', data: { count: skipped }, span: e.line.fields[3]! });
    }
  },
});
