import { defineLabRule } from '../rule.js';
import { sameHost } from './util.js';

/** o2cb marks a node local by comparing its name with the host name; none matching keeps the cluster offline. */
export const hostnameNotInCluster = defineLabRule({
  meta: {
    id: 'hostname-not-in-cluster',
    description: "cluster.conf has a node whose name matches the machine's host name",
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      missing:
        'Missing node `{{hostname}}` in cluster `{{cluster}}`: no node is local, so the cluster stays offline on this host',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      if (!n.hostname) continue;
      const host = n.hostname.value;
      for (const c of n.clusters) {
        if (c.nodes.some((cn) => sameHost(cn.name.value, host))) continue;
        report({
          messageId: 'missing',
          data: { hostname: host, cluster: c.name.value },
          at: c.name,
          related: [{ ...n.hostname, message: 'the host name is set here' }],
        });
      }
    }
  },
});
