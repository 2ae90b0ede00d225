import { defineRule } from '@ftkit/core';
import { syncingStates } from '../../model.js';
import type { StatusDoc } from '../doc.js';
import { ruleUrl } from '../url.js';

const degraded = new Set(['Outdated', 'Inconsistent', 'DUnknown', 'Failed', 'Diskless']);

/** A peer device of a disconnected peer, as `drbdsetup status --json` reports it. */
const UNKNOWN_PEER = {
  peerDisk: 'DUnknown',
  replication: 'Off',
  peerClient: null,
  legacyState: null,
} as const;

/** The data has no current second copy: the peer's disk is Outdated, Inconsistent or unknown. */
export const peerDiskDegraded = defineRule<StatusDoc>()({
  meta: {
    id: 'peer-disk-degraded',
    description: 'Reports resources whose peer copy is not UpToDate while no resync is repairing it',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('peer-disk-degraded'),
    messages: {
      degraded: 'Expected the peer disk of `{{resource}}` on `{{connection}}` to be UpToDate, found {{disk}}',
    },
  },
  check(ctx) {
    for (const r of ctx.doc.status.resources) {
      if (r.devices.every((d) => d.disk === 'Diskless')) continue;
      for (const c of r.connections) {
        // `drbdadm status` text lists no volumes under a connection that is not Connected, where
        // `status --json` lists each as peer disk DUnknown: judge both as the JSON shows them, so
        // one state gets one verdict whatever the source.
        const peers =
          c.peerDevices.length === 0 && c.state !== 'Connected'
            ? r.devices.map(() => UNKNOWN_PEER)
            : c.peerDevices;
        for (const p of peers) {
          if (!degraded.has(p.peerDisk) || syncingStates.has(p.replication)) continue;
          // DRBD 9 diskless peers are usually intentional clients; 8.x has no such thing.
          if (
            p.peerDisk === 'Diskless' &&
            (p.peerClient === true || (p.peerClient === null && p.legacyState === null))
          )
            continue;
          ctx.report({
            messageId: 'degraded',
            data: { resource: r.name, connection: c.name, disk: p.peerDisk },
            span: ctx.doc.locate(r.name, c.name),
          });
        }
      }
    }
  },
});
