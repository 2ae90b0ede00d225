import type { Located } from '../facts.js';
import { defineLabRule } from '../rule.js';

/** Two listeners on one IP and port: DRBD resources and the OCFS2 interconnect. */
export const portCollision = defineLabRule({
  meta: {
    id: 'port-collision',
    description: 'DRBD resources and the OCFS2 cluster listen on different ports of each address',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      clash: 'Duplicate listener `{{endpoint}}`: {{first}} and {{second}} both use it',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      const seen = new Map<string, { what: string; at: Located<number> }>();
      const add = (ip: string | undefined, port: Located<number> | undefined, what: string) => {
        if (!ip || !port) return;
        const key = `${ip}:${port.value}`;
        const prev = seen.get(key);
        if (!prev) {
          seen.set(key, { what, at: port });
          return;
        }
        if (prev.what === what) return;
        report({
          messageId: 'clash',
          data: { endpoint: key, first: prev.what, second: what },
          at: port,
          related: [{ ...prev.at, message: `${prev.what} uses ${key} here` }],
        });
      };
      for (const r of n.drbd)
        for (const h of r.hosts) add(h.address?.value, h.port, `DRBD resource \`${r.name.value}\``);
      for (const c of n.clusters)
        for (const cn of c.nodes) add(cn.ip?.value, cn.port, `OCFS2 cluster \`${c.name.value}\``);
    }
  },
});
