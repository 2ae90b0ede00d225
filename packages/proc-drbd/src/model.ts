import { z } from 'zod';

/** Where a {@link DrbdStatus} was read from. */
export const StatusSourceSchema = z.enum(['proc-drbd', 'status-json', 'status-text', 'events2']);
/** StatusSource as a TypeScript type (inferred from {@link StatusSourceSchema}). */
export type StatusSource = z.infer<typeof StatusSourceSchema>;

/** Resync or verify progress of one peer device. Amounts in bytes, rates in bytes per second. */
export const SyncProgressSchema = z.object({
  kind: z.enum(['resync', 'verify']),
  /** Percent done, 0–100 (`null` when the source does not say). */
  percentDone: z.number().nullable(),
  /** Estimated seconds to finish; `null` when unknown (`nan`, `987654321`, `∞`, stalled line). */
  etaSeconds: z.number().nullable(),
  /** Recent rate (bytes/s): /proc ~18 s window, `dbdt1`/`db1/dt1` ~3 s window. */
  speedBytesPerSecond: z.number().nullable(),
  /** Average since the start of the run (bytes/s). */
  averageBytesPerSecond: z.number().nullable(),
  /** Target rate of the resync controller (bytes/s). */
  wantBytesPerSecond: z.number().nullable(),
  /** Remaining amount of the run (bytes). */
  leftBytes: z.number().nullable(),
  /** Total amount of the run (bytes). */
  totalBytes: z.number().nullable(),
  /** The kernel flagged the run as stalled. */
  stalled: z.boolean().nullable(),
});
/** SyncProgress as a TypeScript type (inferred from {@link SyncProgressSchema}). */
export type SyncProgress = z.infer<typeof SyncProgressSchema>;

/** A volume as seen through one connection (DRBD 9 "peer device"; 8.x: the peer half of a minor). */
export const PeerDeviceSchema = z.object({
  volume: z.number().int(),
  /** DRBD 9 replication state: Off, Established, SyncSource, SyncTarget, VerifyS, PausedSyncT, Ahead … */
  replication: z.string(),
  peerDisk: z.string(),
  peerClient: z.boolean().nullable(),
  /** Empty when running; otherwise any of `user`, `peer`, `dependency`, `max-parallel`. */
  resyncSuspended: z.array(z.string()),
  receivedBytes: z.number().nullable(),
  sentBytes: z.number().nullable(),
  outOfSyncBytes: z.number().nullable(),
  /** Requests sent to the peer, not yet answered. */
  pending: z.number().nullable(),
  /** Requests from the peer not yet acknowledged. */
  unacked: z.number().nullable(),
  /** The 8.x connection state (`cs:`) this was derived from, `null` for DRBD 9 sources. */
  legacyState: z.string().nullable(),
  sync: SyncProgressSchema.nullable(),
});
/** PeerDevice as a TypeScript type (inferred from {@link PeerDeviceSchema}). */
export type PeerDevice = z.infer<typeof PeerDeviceSchema>;

/** A network path of a connection. Addresses as `family:address:port` (events2 style). */
export const PathSchema = z.object({
  local: z.string(),
  peer: z.string(),
  established: z.boolean().nullable(),
});
/** Path as a TypeScript type (inferred from {@link PathSchema}). */
export type Path = z.infer<typeof PathSchema>;

/** A connection to one peer node. */
export const ConnectionSchema = z.object({
  /** Connection (peer host) name; `peer` for DRBD 8.x sources. */
  name: z.string(),
  peerNodeId: z.number().int().nullable(),
  /** DRBD 9 connection state: StandAlone … Connecting, Connected (8.x `cs:` translated). */
  state: z.string(),
  peerRole: z.string(),
  congested: z.boolean().nullable(),
  tls: z.boolean().nullable(),
  apInFlightBytes: z.number().nullable(),
  rsInFlightBytes: z.number().nullable(),
  /** Replication protocol letter (only /proc/drbd reports it). */
  protocol: z.string().nullable(),
  paths: z.array(PathSchema),
  peerDevices: z.array(PeerDeviceSchema),
});
/** Connection as a TypeScript type (inferred from {@link ConnectionSchema}). */
export type Connection = z.infer<typeof ConnectionSchema>;

/** A local volume (block device `/dev/drbd<minor>`). */
export const DeviceSchema = z.object({
  volume: z.number().int(),
  minor: z.number().int().nullable(),
  disk: z.string(),
  /** Intentionally diskless client. */
  client: z.boolean().nullable(),
  quorum: z.boolean().nullable(),
  open: z.boolean().nullable(),
  backingDev: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  readBytes: z.number().nullable(),
  writtenBytes: z.number().nullable(),
  alWrites: z.number().nullable(),
  bmWrites: z.number().nullable(),
  /** Application requests inside DRBD. */
  upperPending: z.number().nullable(),
  /** Requests at the backing device. */
  lowerPending: z.number().nullable(),
  alSuspended: z.boolean().nullable(),
  /** `[]` when not blocked, else `upper` and/or `lower`; `null` when unknown. */
  blocked: z.array(z.string()).nullable(),
});
/** Device as a TypeScript type (inferred from {@link DeviceSchema}). */
export type Device = z.infer<typeof DeviceSchema>;

/** A DRBD resource (8.x: one per minor, named `drbd<minor>`). */
export const ResourceSchema = z.object({
  name: z.string(),
  nodeId: z.number().int().nullable(),
  role: z.string(),
  /** I/O suspended. */
  suspended: z.boolean().nullable(),
  /** Why (`user`, `no-data`, `fencing`, `quorum`); empty when not known or not suspended. */
  suspendedReasons: z.array(z.string()),
  /** `none`, `drain`, `flush`, `barrier`. */
  writeOrdering: z.string().nullable(),
  forceIoFailures: z.boolean().nullable(),
  mayPromote: z.boolean().nullable(),
  promotionScore: z.number().nullable(),
  /** 8.x `cs:Unconfigured` minor: exists but has neither disk nor network. */
  unconfigured: z.boolean(),
  devices: z.array(DeviceSchema),
  connections: z.array(ConnectionSchema),
});
/** Resource as a TypeScript type (inferred from {@link ResourceSchema}). */
export type Resource = z.infer<typeof ResourceSchema>;

/** Kernel module facts (only /proc/drbd has them). */
export const KernelInfoSchema = z.object({
  version: z.string().nullable(),
  api: z.number().nullable(),
  build: z.string().nullable(),
  transports: z.array(z.object({ name: z.string(), version: z.string() })),
});
/** KernelInfo as a TypeScript type (inferred from {@link KernelInfoSchema}). */
export type KernelInfo = z.infer<typeof KernelInfoSchema>;

/** The normalised status every source converts into: resources → devices / connections → peer devices. */
export const DrbdStatusSchema = z.object({
  source: StatusSourceSchema,
  kernel: KernelInfoSchema.nullable(),
  resources: z.array(ResourceSchema),
});
/** DrbdStatus as a TypeScript type (inferred from {@link DrbdStatusSchema}). */
export type DrbdStatus = z.infer<typeof DrbdStatusSchema>;

/** Replication states in which peers are connected and a resync or verify is running. */
export const syncingStates: ReadonlySet<string> = new Set(['SyncSource', 'SyncTarget', 'VerifyS', 'VerifyT']);

/** Empty device record with every optional figure unknown. */
export function emptyDevice(volume: number): Device {
  return {
    volume,
    minor: null,
    disk: 'DUnknown',
    client: null,
    quorum: null,
    open: null,
    backingDev: null,
    sizeBytes: null,
    readBytes: null,
    writtenBytes: null,
    alWrites: null,
    bmWrites: null,
    upperPending: null,
    lowerPending: null,
    alSuspended: null,
    blocked: null,
  };
}

/** Empty peer device record. */
export function emptyPeerDevice(volume: number): PeerDevice {
  return {
    volume,
    replication: 'Off',
    peerDisk: 'DUnknown',
    peerClient: null,
    resyncSuspended: [],
    receivedBytes: null,
    sentBytes: null,
    outOfSyncBytes: null,
    pending: null,
    unacked: null,
    legacyState: null,
    sync: null,
  };
}

/** Empty connection record. */
export function emptyConnection(name: string, peerNodeId: number | null): Connection {
  return {
    name,
    peerNodeId,
    state: 'StandAlone',
    peerRole: 'Unknown',
    congested: null,
    tls: null,
    apInFlightBytes: null,
    rsInFlightBytes: null,
    protocol: null,
    paths: [],
    peerDevices: [],
  };
}

/** Empty resource record. */
export function emptyResource(name: string): Resource {
  return {
    name,
    nodeId: null,
    role: 'Unknown',
    suspended: null,
    suspendedReasons: [],
    writeOrdering: null,
    forceIoFailures: null,
    mayPromote: null,
    promotionScore: null,
    unconfigured: false,
    devices: [],
    connections: [],
  };
}
