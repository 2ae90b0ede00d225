import type { Located } from '../facts.js';
import { defineLabRule } from '../rule.js';

const timeouts = [
  'O2CB_HEARTBEAT_THRESHOLD',
  'O2CB_IDLE_TIMEOUT_MS',
  'O2CB_KEEPALIVE_DELAY_MS',
  'O2CB_RECONNECT_DELAY_MS',
];

/** o2net refuses the handshake when two nodes disagree about timeouts. */
export const o2cbTimeoutDrift = defineLabRule({
  meta: {
    id: 'o2cb-timeout-drift',
    description: 'The o2cb heartbeat threshold and network timeouts are the same on every node',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      drift:
        'Expected `{{name}}={{first}}` as on `{{other}}`, found `{{value}}`: nodes with different timeouts refuse to connect',
    },
  },
  check({ facts, report }) {
    for (const name of timeouts) {
      let first: { node: string; at: Located<string> } | undefined;
      for (const n of facts.nodes) {
        const v = n.o2cb?.vars.get(name);
        if (!v) continue;
        if (!first) {
          first = { node: n.node, at: v };
          continue;
        }
        if (v.value === first.at.value) continue;
        report({
          messageId: 'drift',
          data: { name, first: first.at.value, other: first.node, value: v.value },
          at: v,
          related: [{ ...first.at, message: `\`${first.node}\` sets it here` }],
        });
      }
    }
  },
});
