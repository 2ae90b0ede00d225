import type { DrbdStatus } from './model.js';

type Labels = Readonly<Record<string, string | number>>;
type Kind = 'gauge' | 'counter';

/** One metric family of {@link toPrometheus}: name, type, help text (the docs table is built from this). */
export interface MetricInfo {
  readonly name: string;
  readonly type: Kind;
  readonly labels: readonly string[];
  readonly help: string;
}

const R = ['resource'];
const D = ['resource', 'volume', 'minor'];
const C = ['resource', 'connection', 'peer_node_id'];
const P = ['resource', 'connection', 'peer_node_id', 'volume'];

/** Every metric `toPrometheus` can write, in output order. Units are in the names (bytes, seconds, ratio). */
export const metrics: readonly MetricInfo[] = [
  {
    name: 'drbd_info',
    type: 'gauge',
    labels: ['version', 'api', 'source'],
    help: 'Constant 1; kernel module version and API (empty when the source does not say) and which output was read.',
  },
  {
    name: 'drbd_resource_primary',
    type: 'gauge',
    labels: R,
    help: '1 if this node is Primary for the resource.',
  },
  { name: 'drbd_resource_suspended', type: 'gauge', labels: R, help: '1 if application I/O is suspended.' },
  {
    name: 'drbd_resource_unconfigured',
    type: 'gauge',
    labels: R,
    help: '1 for an 8.x minor shown as Unconfigured.',
  },
  {
    name: 'drbd_device_disk_state',
    type: 'gauge',
    labels: [...D, 'state'],
    help: 'Constant 1, labelled with the local disk state.',
  },
  { name: 'drbd_device_up_to_date', type: 'gauge', labels: D, help: '1 if the local disk is UpToDate.' },
  { name: 'drbd_device_quorum', type: 'gauge', labels: D, help: '1 if the volume has quorum (DRBD 9 only).' },
  { name: 'drbd_device_size_bytes', type: 'gauge', labels: D, help: 'Size of the volume.' },
  {
    name: 'drbd_device_read_bytes_total',
    type: 'counter',
    labels: D,
    help: 'Bytes read from the backing device (8.x dr, wraps at 2 TiB).',
  },
  {
    name: 'drbd_device_written_bytes_total',
    type: 'counter',
    labels: D,
    help: 'Bytes written to the backing device (8.x dw, wraps at 2 TiB).',
  },
  {
    name: 'drbd_device_activity_log_writes_total',
    type: 'counter',
    labels: D,
    help: 'Activity-log transactions (8.x al).',
  },
  {
    name: 'drbd_device_bitmap_writes_total',
    type: 'counter',
    labels: D,
    help: 'Bitmap block writes (8.x bm).',
  },
  {
    name: 'drbd_device_upper_pending_requests',
    type: 'gauge',
    labels: D,
    help: 'Application requests inside DRBD (8.x ap).',
  },
  {
    name: 'drbd_device_lower_pending_requests',
    type: 'gauge',
    labels: D,
    help: 'Requests open at the backing device (8.x lo).',
  },
  {
    name: 'drbd_connection_connected',
    type: 'gauge',
    labels: C,
    help: '1 if the connection is established (8.x: Connected and every sync/verify/Ahead/Behind state).',
  },
  {
    name: 'drbd_connection_state',
    type: 'gauge',
    labels: [...C, 'state'],
    help: 'Constant 1, labelled with the DRBD 9 connection state.',
  },
  { name: 'drbd_connection_peer_primary', type: 'gauge', labels: C, help: '1 if the peer is Primary.' },
  { name: 'drbd_connection_congested', type: 'gauge', labels: C, help: '1 if the send buffer is congested.' },
  {
    name: 'drbd_connection_protocol',
    type: 'gauge',
    labels: [...C, 'protocol'],
    help: 'Constant 1, labelled with the replication protocol (8.x /proc/drbd only).',
  },
  {
    name: 'drbd_connection_application_in_flight_bytes',
    type: 'gauge',
    labels: C,
    help: 'Application data sent, not yet acknowledged.',
  },
  {
    name: 'drbd_connection_resync_in_flight_bytes',
    type: 'gauge',
    labels: C,
    help: 'Resync data sent, not yet acknowledged.',
  },
  {
    name: 'drbd_peer_device_replication_state',
    type: 'gauge',
    labels: [...P, 'state'],
    help: 'Constant 1, labelled with the replication state.',
  },
  {
    name: 'drbd_peer_device_peer_disk_state',
    type: 'gauge',
    labels: [...P, 'state'],
    help: 'Constant 1, labelled with the peer disk state.',
  },
  {
    name: 'drbd_peer_device_peer_up_to_date',
    type: 'gauge',
    labels: P,
    help: '1 if the peer disk is UpToDate.',
  },
  {
    name: 'drbd_peer_device_sent_bytes_total',
    type: 'counter',
    labels: P,
    help: 'Bytes sent to the peer (8.x ns).',
  },
  {
    name: 'drbd_peer_device_received_bytes_total',
    type: 'counter',
    labels: P,
    help: 'Bytes received from the peer (8.x nr).',
  },
  {
    name: 'drbd_peer_device_out_of_sync_bytes',
    type: 'gauge',
    labels: P,
    help: 'Data marked out of sync (8.x oos).',
  },
  {
    name: 'drbd_peer_device_pending_requests',
    type: 'gauge',
    labels: P,
    help: 'Requests sent to the peer, not yet answered (8.x pe).',
  },
  {
    name: 'drbd_peer_device_unacked_requests',
    type: 'gauge',
    labels: P,
    help: 'Requests from the peer not yet acknowledged (8.x ua).',
  },
  {
    name: 'drbd_peer_device_resync_suspended',
    type: 'gauge',
    labels: P,
    help: '1 if the resync is paused (user, peer, dependency).',
  },
  {
    name: 'drbd_peer_device_sync_done_ratio',
    type: 'gauge',
    labels: [...P, 'kind'],
    help: 'Resync/verify progress, 0 to 1.',
  },
  {
    name: 'drbd_peer_device_sync_eta_seconds',
    type: 'gauge',
    labels: [...P, 'kind'],
    help: 'Estimated seconds to finish (absent when unknown).',
  },
  {
    name: 'drbd_peer_device_sync_speed_bytes_per_second',
    type: 'gauge',
    labels: [...P, 'kind'],
    help: 'Current resync/verify rate.',
  },
  {
    name: 'drbd_peer_device_sync_stalled',
    type: 'gauge',
    labels: [...P, 'kind'],
    help: '1 if the kernel marks the run as stalled.',
  },
];

const esc = (v: string | number) =>
  String(v).replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const b = (v: boolean) => (v ? 1 : 0);

/**
 * Writes the normalised status as Prometheus text exposition (version 0.0.4): every family of
 * {@link metrics} that has at least one sample, `# HELP` and `# TYPE` first. Values in bytes and
 * seconds; unknown values are left out rather than reported as 0.
 */
export function toPrometheus(status: DrbdStatus): string {
  const samples = new Map<string, string[]>();
  const put = (name: string, labels: Labels, value: number | boolean | null | undefined) => {
    if (value === null || value === undefined) return;
    const v = typeof value === 'boolean' ? b(value) : value;
    if (!Number.isFinite(v)) return;
    const l = Object.entries(labels)
      .map(([k, x]) => `${k}="${esc(x)}"`)
      .join(',');
    let list = samples.get(name);
    if (!list) {
      list = [];
      samples.set(name, list);
    }
    list.push(`${name}{${l}} ${v}`);
  };
  put(
    'drbd_info',
    { version: status.kernel?.version ?? '', api: status.kernel?.api ?? '', source: status.source },
    1,
  );
  for (const r of status.resources) {
    const rl = { resource: r.name };
    put('drbd_resource_primary', rl, r.role === 'Primary');
    put('drbd_resource_suspended', rl, r.suspended);
    put('drbd_resource_unconfigured', rl, r.unconfigured);
    for (const d of r.devices) {
      const dl = { resource: r.name, volume: d.volume, minor: d.minor ?? '' };
      put('drbd_device_disk_state', { ...dl, state: d.disk }, 1);
      put('drbd_device_up_to_date', dl, d.disk === 'UpToDate');
      put('drbd_device_quorum', dl, d.quorum);
      put('drbd_device_size_bytes', dl, d.sizeBytes);
      put('drbd_device_read_bytes_total', dl, d.readBytes);
      put('drbd_device_written_bytes_total', dl, d.writtenBytes);
      put('drbd_device_activity_log_writes_total', dl, d.alWrites);
      put('drbd_device_bitmap_writes_total', dl, d.bmWrites);
      put('drbd_device_upper_pending_requests', dl, d.upperPending);
      put('drbd_device_lower_pending_requests', dl, d.lowerPending);
    }
    for (const c of r.connections) {
      const cl = { resource: r.name, connection: c.name, peer_node_id: c.peerNodeId ?? '' };
      put('drbd_connection_connected', cl, c.state === 'Connected');
      put('drbd_connection_state', { ...cl, state: c.state }, 1);
      put('drbd_connection_peer_primary', cl, c.peerRole === 'Primary');
      put('drbd_connection_congested', cl, c.congested);
      if (c.protocol !== null) put('drbd_connection_protocol', { ...cl, protocol: c.protocol }, 1);
      put('drbd_connection_application_in_flight_bytes', cl, c.apInFlightBytes);
      put('drbd_connection_resync_in_flight_bytes', cl, c.rsInFlightBytes);
      for (const p of c.peerDevices) {
        const pl = { ...cl, volume: p.volume };
        put('drbd_peer_device_replication_state', { ...pl, state: p.replication }, 1);
        put('drbd_peer_device_peer_disk_state', { ...pl, state: p.peerDisk }, 1);
        put('drbd_peer_device_peer_up_to_date', pl, p.peerDisk === 'UpToDate');
        put('drbd_peer_device_sent_bytes_total', pl, p.sentBytes);
        put('drbd_peer_device_received_bytes_total', pl, p.receivedBytes);
        put('drbd_peer_device_out_of_sync_bytes', pl, p.outOfSyncBytes);
        put('drbd_peer_device_pending_requests', pl, p.pending);
        put('drbd_peer_device_unacked_requests', pl, p.unacked);
        put('drbd_peer_device_resync_suspended', pl, p.resyncSuspended.length > 0);
        const s = p.sync;
        if (s) {
          const sl = { ...pl, kind: s.kind };
          put('drbd_peer_device_sync_done_ratio', sl, s.percentDone === null ? null : s.percentDone / 100);
          put('drbd_peer_device_sync_eta_seconds', sl, s.etaSeconds);
          put('drbd_peer_device_sync_speed_bytes_per_second', sl, s.speedBytesPerSecond);
          put('drbd_peer_device_sync_stalled', sl, s.stalled);
        }
      }
    }
  }
  let out = '';
  for (const m of metrics) {
    const list = samples.get(m.name);
    if (!list) continue;
    out += `# HELP ${m.name} ${m.help}\n# TYPE ${m.name} ${m.type}\n${list.join('\n')}\n`;
  }
  return out;
}
