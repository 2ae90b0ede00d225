import {
  type DrbdStatus,
  emptyConnection,
  emptyDevice,
  emptyPeerDevice,
  emptyResource,
  type Resource,
} from '../../model.js';
import type { StatusJson } from './schema.js';

const KiB = 1024;
const MiB = 1024 * 1024;
const opt = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);
const times = (v: number | undefined | null, f: number) => (v === undefined || v === null ? null : v * f);
const list = (v: string | undefined): string[] =>
  v === undefined || v === 'no' || v === '' ? [] : v.split(',');

function addressOf(h: { address?: string; port?: number; family: string }): string {
  if (h.address === undefined) return h.family;
  const a = h.family === 'ipv6' ? `[${h.address}]` : h.address;
  return `${h.family}:${a}:${h.port ?? 0}`;
}

/** Converts parsed status JSON to the normalised model. */
export function statusJsonToStatus(data: StatusJson): DrbdStatus {
  const resources: Resource[] = data.map((jr) => {
    const r = emptyResource(jr.name);
    r.nodeId = jr['node-id'] ?? null;
    r.role = jr.role;
    r.suspended = opt(jr.suspended);
    const reasons: [string, boolean | null | undefined][] = [
      ['user', jr['suspended-user']],
      ['no-data', jr['suspended-no-data']],
      ['fencing', jr['suspended-fencing']],
      ['quorum', jr['suspended-quorum']],
    ];
    r.suspendedReasons = reasons.filter(([, v]) => v === true).map(([k]) => k);
    r.writeOrdering = opt(jr['write-ordering']);
    r.forceIoFailures = opt(jr['force-io-failures']);
    r.devices = jr.devices.map((jd) => {
      const d = emptyDevice(jd.volume);
      d.minor = jd.minor;
      d.disk = jd['disk-state'] ?? jd['disk-state:'] ?? 'DUnknown';
      d.client = opt(jd.client);
      d.open = opt(jd.open);
      d.quorum = opt(jd.quorum);
      d.sizeBytes = times(jd.size, KiB);
      d.readBytes = times(jd.read, KiB);
      d.writtenBytes = times(jd.written, KiB);
      d.alWrites = opt(jd['al-writes']);
      d.bmWrites = opt(jd['bm-writes']);
      d.upperPending = opt(jd['upper-pending']);
      d.lowerPending = opt(jd['lower-pending']);
      return d;
    });
    r.connections = jr.connections.map((jc) => {
      const c = emptyConnection(jc.name, jc['peer-node-id']);
      c.state = jc['connection-state'];
      c.peerRole = jc['peer-role'];
      c.congested = opt(jc.congested);
      c.tls = opt(jc.tls);
      c.apInFlightBytes = times(jc['ap-in-flight'], 512);
      c.rsInFlightBytes = times(jc['rs-in-flight'], 512);
      c.paths = (jc.paths ?? []).map((p) => ({
        local: addressOf(p.this_host),
        peer: addressOf(p.remote_host),
        established: opt(p.established),
      }));
      c.peerDevices = jc.peer_devices.map((jp) => {
        const pd = emptyPeerDevice(jp.volume);
        pd.replication = jp['replication-state'];
        pd.peerDisk = jp['peer-disk-state'];
        pd.peerClient = opt(jp['peer-client']);
        pd.resyncSuspended = list(jp['resync-suspended']);
        pd.receivedBytes = times(jp.received, KiB);
        pd.sentBytes = times(jp.sent, KiB);
        pd.outOfSyncBytes = times(jp['out-of-sync'], KiB);
        pd.pending = opt(jp.pending);
        pd.unacked = opt(jp.unacked);
        const syncing = /^(Sync|Verify|PausedSync)/.test(pd.replication);
        if (syncing || jp['has-sync-details'] === true) {
          const verify = jp['has-online-verify-details'] === true || pd.replication.startsWith('Verify');
          const eta = jp['estimated-seconds-to-finish'];
          const total = jp['rs-total'];
          pd.sync = {
            kind: verify ? 'verify' : 'resync',
            percentDone: opt(jp['percent-resync-done'] ?? jp['resync-done']),
            // 987654321 is drbd-utils' "no progress, unknown".
            etaSeconds: eta === undefined || eta === null || eta === 987654321 ? null : eta,
            speedBytesPerSecond: times(jp['db1/dt1 [MiB/s]'], MiB),
            averageBytesPerSecond: times(jp['db/dt [MiB/s]'], MiB),
            wantBytesPerSecond: times(jp.want, MiB),
            leftBytes: verify ? times(jp['ov-left'], 512) : times(jp['out-of-sync'], KiB),
            totalBytes: times(total, 512),
            stalled: null,
          };
        }
        return pd;
      });
      return c;
    });
    return r;
  });
  return { source: 'status-json', kernel: null, resources };
}
