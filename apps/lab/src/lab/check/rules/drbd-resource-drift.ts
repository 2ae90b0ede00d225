import { defineLabRule, groupBy } from '../rule.js';

/** drbdadm on each node reads its own copy; copies that differ disagree about peers, ports or policies. */
export const drbdResourceDrift = defineLabRule({
  meta: {
    id: 'drbd-resource-drift',
    description: 'A DRBD resource is configured identically on every node that has it',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      drift:
        'Expected resource `{{resource}}` to match the copy on `{{other}}`, found a different configuration',
    },
  },
  check({ facts, report }) {
    const copies = facts.nodes.flatMap((n) => n.drbd.map((r) => ({ node: n.node, r })));
    for (const [, list] of groupBy(copies, (c) => c.r.name.value)) {
      const first = list[0]!;
      for (const c of list.slice(1)) {
        if (c.r.canonical === first.r.canonical) continue;
        report({
          messageId: 'drift',
          data: { resource: c.r.name.value, other: first.node },
          at: c.r.name,
          related: [{ ...first.r.name, message: `the copy on \`${first.node}\`` }],
          note: firstDifference(first.r.canonical, c.r.canonical),
        });
      }
    }
  },
});

/** A short description of the first differing line of two canonical texts. */
export function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if (x[i] !== y[i])
      return `First difference: \`${(x[i] ?? '').trim()}\` versus \`${(y[i] ?? '').trim()}\``;
  }
  return 'The copies differ';
}
