/** Prometheus metric type of a family (only the two the mapping needs). */
export type MetricType = 'gauge' | 'counter';

/**
 * One metric family {@link statusMetrics} can produce: name, type, help text and label names (the
 * docs table and the exporter's registry are built from this list).
 */
export interface MetricInfo {
  readonly name: string;
  readonly type: MetricType;
  readonly help: string;
  readonly labelNames: readonly string[];
  /** `drbd-reactor`: same name, labels, type and unit as drbd-reactor's prometheus plugin; `ftkit`: ours. */
  readonly origin: 'drbd-reactor' | 'ftkit';
  /** Only written with the `enums` option (as drbd-reactor's `enums = true`). */
  readonly enumsOnly?: boolean;
}

/** The roles drbd-reactor writes one `drbd_resource_role` series for, in its order. */
export const roleValues: readonly string[] = ['Unknown', 'Primary', 'Secondary'];
/** The connection states of `drbd_connection_state`, in drbd-reactor's order. */
export const connectionStateValues: readonly string[] = [
  'StandAlone',
  'Disconnecting',
  'Unconnected',
  'Timeout',
  'BrokenPipe',
  'NetworkFailure',
  'ProtocolError',
  'TearDown',
  'Connecting',
  'Connected',
];
/** The disk states of `drbd_device_state`, in drbd-reactor's order. */
export const diskStateValues: readonly string[] = [
  'Diskless',
  'Attaching',
  'Detaching',
  'Failed',
  'Negotiating',
  'Inconsistent',
  'Outdated',
  'DUnknown',
  'Consistent',
  'UpToDate',
];

const R = ['name'];
const C = ['name', 'conn_name', 'peer_node_id'];
const P = [...C, 'volume'];
const D = ['name', 'volume', 'minor'];
const reactor = 'drbd-reactor' as const;
const ours = 'ftkit' as const;

/**
 * Every family of {@link statusMetrics}, in output order: first drbd-reactor's (LINBIT/drbd-reactor
 * `src/plugin/prometheus.rs`, v1.11: names, labels, types and byte scaling kept, so its Grafana
 * dashboard 14339 and piraeus' alert rules work unchanged), then ours under `ftkit_drbd_*`, a
 * prefix drbd-reactor does not use. Units are in the names (bytes, seconds, ratio).
 */
export const metricFamilies: readonly MetricInfo[] = [
  {
    name: 'drbd_version',
    type: 'gauge',
    help: 'Version of the loaded DRBD kernel module and DRBD utils',
    labelNames: ['kmod', 'utils'],
    origin: reactor,
  },
  {
    name: 'drbd_resource_resources',
    type: 'gauge',
    help: 'Number of resources',
    labelNames: [],
    origin: reactor,
  },
  {
    name: 'drbd_resource_role',
    type: 'gauge',
    help: 'DRBD role of the resource',
    labelNames: [...R, 'drbd_resource_role'],
    origin: reactor,
    enumsOnly: true,
  },
  {
    name: 'drbd_resource_suspended',
    type: 'gauge',
    help: 'Boolean whether the resource is suspended',
    labelNames: R,
    origin: reactor,
  },
  {
    name: 'drbd_resource_maypromote',
    type: 'gauge',
    help: 'Boolean whether the resource may be promoted to Primary',
    labelNames: R,
    origin: reactor,
  },
  {
    name: 'drbd_resource_promotionscore',
    type: 'gauge',
    help: 'The promotion score (higher is better) for the resource',
    labelNames: R,
    origin: reactor,
  },
  {
    name: 'drbd_resource_forceiofailures',
    type: 'gauge',
    help: 'Boolean whether the resource is configured (could be temporarily) to force IO failures (e.g., during secondary --force)',
    labelNames: R,
    origin: reactor,
  },
  {
    name: 'drbd_connection_state',
    type: 'gauge',
    help: 'DRBD connection state',
    labelNames: [...C, 'drbd_connection_state'],
    origin: reactor,
    enumsOnly: true,
  },
  {
    name: 'drbd_peerdevice_outofsync_bytes',
    type: 'gauge',
    help: 'Number of bytes currently out of sync with this peer, according to the bitmap that DRBD has for it',
    labelNames: P,
    origin: reactor,
  },
  {
    name: 'drbd_peerdevice_sent_bytes',
    type: 'counter',
    help: 'Number of bytes currently sent to this peer',
    labelNames: P,
    origin: reactor,
  },
  {
    name: 'drbd_peerdevice_received_bytes',
    type: 'counter',
    help: 'Number of bytes currently received from this peer',
    labelNames: P,
    origin: reactor,
  },
  {
    name: 'drbd_connection_congested',
    type: 'gauge',
    help: 'Boolean whether the TCP send buffer of the data connection is more than 80% filled',
    labelNames: C,
    origin: reactor,
  },
  {
    name: 'drbd_connection_apinflight_bytes',
    type: 'gauge',
    help: 'Number of application requests in flight (not completed)',
    labelNames: C,
    origin: reactor,
  },
  {
    name: 'drbd_connection_rsinflight_bytes',
    type: 'gauge',
    help: 'Number of resync requests in flight',
    labelNames: C,
    origin: reactor,
  },
  {
    name: 'drbd_device_state',
    type: 'gauge',
    help: 'DRBD device state',
    labelNames: [...D, 'drbd_device_state'],
    origin: reactor,
    enumsOnly: true,
  },
  {
    name: 'drbd_device_client',
    type: 'gauge',
    help: 'Boolean whether this device is a client (i.e., intentional diskless)',
    labelNames: D,
    origin: reactor,
  },
  {
    name: 'drbd_device_unintentionaldiskless',
    type: 'gauge',
    help: 'Boolean whether the devices is unintentional diskless',
    labelNames: D,
    origin: reactor,
  },
  {
    name: 'drbd_device_quorum',
    type: 'gauge',
    help: 'Boolean if this device has DRBD quorum',
    labelNames: D,
    origin: reactor,
  },
  {
    name: 'drbd_device_open',
    type: 'gauge',
    help: 'Boolean if this device is opened',
    labelNames: D,
    origin: reactor,
  },
  {
    name: 'drbd_device_size_bytes',
    type: 'gauge',
    help: 'Device size in bytes',
    labelNames: D,
    origin: reactor,
  },
  {
    name: 'drbd_device_read_bytes_total',
    type: 'counter',
    help: 'Net data read from local hard disk',
    labelNames: D,
    origin: reactor,
  },
  {
    name: 'drbd_device_written_bytes_total',
    type: 'counter',
    help: 'Net data written on local disk',
    labelNames: D,
    origin: reactor,
  },
  {
    name: 'drbd_device_alwrites_total',
    type: 'counter',
    help: 'Number of updates of the activity log area of the meta data',
    labelNames: D,
    origin: reactor,
  },
  {
    name: 'drbd_device_bmwrites_total',
    type: 'counter',
    help: 'Number of updates of the bitmap area of the meta data',
    labelNames: D,
    origin: reactor,
  },
  {
    name: 'drbd_device_upperpending',
    type: 'gauge',
    help: 'Number of block I/O requests forwarded to DRBD, but not yet answered by DRBD.',
    labelNames: D,
    origin: reactor,
  },
  {
    name: 'drbd_device_lowerpending',
    type: 'gauge',
    help: 'Number of open requests to the local I/O sub-system issued by DRBD',
    labelNames: D,
    origin: reactor,
  },
  {
    name: 'drbd_device_alsuspended',
    type: 'gauge',
    help: 'Boolean whether the Activity-Log is suspended',
    labelNames: D,
    origin: reactor,
  },
  {
    name: 'ftkit_drbd_resource_split_brain_seen',
    type: 'gauge',
    help: '1 if a split brain was seen: the kernel called the split-brain handler (events2), or a connection is StandAlone with the peer disk remembered or data out of sync',
    labelNames: R,
    origin: ours,
  },
  {
    name: 'ftkit_drbd_resource_unconfigured',
    type: 'gauge',
    help: '1 for a DRBD 8.x minor shown as Unconfigured in /proc/drbd (it has no other series)',
    labelNames: R,
    origin: ours,
  },
  {
    name: 'ftkit_drbd_peerdevice_replication',
    type: 'gauge',
    help: 'Constant 1, labelled with the replication state (Established, SyncSource, Ahead ...; 8.x cs: translated)',
    labelNames: [...P, 'replication'],
    origin: ours,
  },
  {
    name: 'ftkit_drbd_peerdevice_peer_disk',
    type: 'gauge',
    help: 'Constant 1, labelled with the disk state of the peer as this node knows it',
    labelNames: [...P, 'peer_disk'],
    origin: ours,
  },
  {
    name: 'ftkit_drbd_peerdevice_pending_requests',
    type: 'gauge',
    help: 'Requests sent to the peer, not yet answered',
    labelNames: P,
    origin: ours,
  },
  {
    name: 'ftkit_drbd_peerdevice_unacked_requests',
    type: 'gauge',
    help: 'Requests from the peer not yet acknowledged',
    labelNames: P,
    origin: ours,
  },
  {
    name: 'ftkit_drbd_peerdevice_sync_done_ratio',
    type: 'gauge',
    help: 'Progress of the running resync or verify, 0 to 1',
    labelNames: [...P, 'kind'],
    origin: ours,
  },
  {
    name: 'ftkit_drbd_peerdevice_sync_eta_seconds',
    type: 'gauge',
    help: 'Estimated seconds until the running resync or verify ends (absent when DRBD gives no estimate)',
    labelNames: [...P, 'kind'],
    origin: ours,
  },
  {
    name: 'ftkit_drbd_peerdevice_sync_speed_bytes_per_second',
    type: 'gauge',
    help: 'Current rate of the running resync or verify',
    labelNames: [...P, 'kind'],
    origin: ours,
  },
  {
    name: 'ftkit_drbd_peerdevice_sync_stalled',
    type: 'gauge',
    help: '1 if the running resync or verify makes no progress (8.x stalled flag; 9: no speed and no estimate part-way)',
    labelNames: [...P, 'kind'],
    origin: ours,
  },
];
