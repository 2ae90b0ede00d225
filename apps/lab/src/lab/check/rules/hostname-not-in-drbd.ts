import { defineLabRule } from '../rule.js';
import { sameHost } from './util.js';

/** drbdadm silently ignores a resource that has no `on` section for the local host name. */
export const hostnameNotInDrbd = defineLabRule({
  meta: {
    id: 'hostname-not-in-drbd',
    description: "Each DRBD resource in a node's tree has an `on` section for the node's host name",
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      missing:
        'Missing `on {{hostname}}` section in resource `{{resource}}`: drbdadm on this host ignores the resource',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      if (!n.hostname) continue;
      const host = n.hostname.value;
      for (const r of n.drbd) {
        if (r.hosts.length === 0 || r.hosts.some((h) => sameHost(h.name.value, host))) continue;
        report({
          messageId: 'missing',
          data: { hostname: host, resource: r.name.value },
          at: r.name,
          related: [{ ...n.hostname, message: 'the host name is set here' }],
          note: `The resource names ${r.hosts.map((h) => `\`${h.name.value}\``).join(', ')}; drbdadm matches \`uname -n\``,
        });
      }
    }
  },
});
