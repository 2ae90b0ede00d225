import {
  type Connection,
  type DrbdStatus,
  emptyConnection,
  emptyDevice,
  emptyPeerDevice,
  emptyResource,
  type Resource,
  type SyncProgress,
} from '../../model.js';
import { versionKey } from './emit.js';
import type { ProcDevice, ProcDrbd } from './schema.js';

const KiB = 1024;
const MiB = 1024 * 1024;

const woNames: Readonly<Record<string, string>> = { b: 'barrier', f: 'flush', d: 'drain', n: 'none' };

/** 8.x `cs:` values that are DRBD 9 connection states as they are. */
const plainConnectionStates = new Set([
  'StandAlone',
  'Disconnecting',
  'Unconnected',
  'Timeout',
  'BrokenPipe',
  'NetworkFailure',
  'ProtocolError',
  'TearDown',
]);

/**
 * Translates an 8.x connection state into DRBD 9's pair of connection state and replication
 * state (the same translation drbdsetup-84 applies for `drbdadm status`).
 */
export function translateLegacyState(cs: string): { connection: string; replication: string } {
  if (plainConnectionStates.has(cs)) return { connection: cs, replication: 'Off' };
  if (cs === 'WFConnection') return { connection: 'Connecting', replication: 'Off' };
  // TCP is up and the handshake pending: DRBD 9's compat mode prints WFReportParams for exactly
  // "connection Connected, volume not yet established".
  if (cs === 'WFReportParams') return { connection: 'Connected', replication: 'Off' };
  if (cs === 'Connected') return { connection: 'Connected', replication: 'Established' };
  return { connection: 'Connected', replication: cs };
}

function syncOf(d: ProcDevice): SyncProgress | null {
  const p = d.progress;
  if (p) {
    const scale = p.unit === 'M' ? MiB : KiB;
    return {
      kind: p.kind,
      percentDone: p.permille / 10,
      etaSeconds: p.stalledLine ? null : p.finishSeconds,
      speedBytesPerSecond: p.speed === null ? null : p.speed * KiB,
      averageBytesPerSecond: p.average === null ? null : p.average * KiB,
      wantBytesPerSecond: p.want === null ? null : p.want * KiB,
      leftBytes: p.left * scale,
      totalBytes: p.total * scale,
      stalled: p.stalled || p.stalledLine,
    };
  }
  const v = d.oldVerify;
  if (v) {
    // Pre-8.3.10 verify line counts 4-KiB bitmap blocks.
    return {
      kind: 'verify',
      percentDone: v.percent,
      etaSeconds: null,
      speedBytesPerSecond: null,
      averageBytesPerSecond: null,
      wantBytesPerSecond: null,
      leftBytes: (v.total - v.done) * 4096,
      totalBytes: v.total * 4096,
      stalled: null,
    };
  }
  return null;
}

function resourceOf(d: ProcDevice, version: number): Resource {
  const r = emptyResource(`drbd${d.minor}`);
  const dev = emptyDevice(0);
  dev.minor = d.minor;
  if (d.roleKey === null) {
    // Unconfigured: StandAlone, Diskless (and Secondary from 8.2.7 on).
    r.unconfigured = d.cs === 'Unconfigured';
    // 8.2.7+ show Unconfigured only for Secondaries; before, a diskless standalone Primary too.
    r.role = version >= 8_002_007 ? 'Secondary' : 'Unknown';
    dev.disk = 'Diskless';
    dev.blocked = null;
    r.devices.push(dev);
    return r;
  }
  const io = d.io;
  const c = d.counters;
  r.role = d.role ?? 'Unknown';
  r.suspended = io ? io.ioSuspended : null;
  r.writeOrdering = c?.wo !== undefined ? (woNames[c.wo] ?? c.wo) : null;
  dev.disk = d.disk ?? 'DUnknown';
  dev.alSuspended = io?.alSuspended ?? null;
  if (c) {
    dev.readBytes = c.dr * KiB;
    dev.writtenBytes = c.dw * KiB;
    dev.alWrites = c.al;
    dev.bmWrites = c.bm;
    dev.lowerPending = c.lo;
    dev.upperPending = c.ap;
  }
  if (d.sectorPos) dev.sizeBytes = d.sectorPos.max * 512;
  const congestion = io?.congestion ?? null;
  dev.blocked =
    congestion === null || congestion === 'unset' || congestion === 'unknown'
      ? null
      : congestion === 'backing' || congestion === 'both'
        ? ['lower']
        : [];
  r.devices.push(dev);
  const { connection, replication } = translateLegacyState(d.cs);
  const conn: Connection = emptyConnection('peer', null);
  conn.state = connection;
  conn.peerRole = d.peerRole ?? 'Unknown';
  conn.protocol = d.protocol;
  conn.congested =
    congestion === null || congestion === 'unset' || congestion === 'unknown'
      ? null
      : congestion === 'network' || congestion === 'both';
  const pd = emptyPeerDevice(0);
  pd.replication = replication;
  pd.peerDisk = d.peerDisk ?? 'DUnknown';
  pd.legacyState = d.cs;
  if (io) {
    if (io.resyncAfterDependency) pd.resyncSuspended.push('dependency');
    if (io.peerPaused) pd.resyncSuspended.push('peer');
    if (io.userPaused) pd.resyncSuspended.push('user');
  }
  if (c) {
    pd.sentBytes = c.ns * KiB;
    pd.receivedBytes = c.nr * KiB;
    pd.outOfSyncBytes = c.oos === undefined ? null : c.oos * KiB;
    pd.pending = c.pe;
    pd.unacked = c.ua;
  }
  pd.sync = syncOf(d);
  conn.peerDevices.push(pd);
  r.connections.push(conn);
  return r;
}

/**
 * Converts a /proc/drbd model to the normalised {@link DrbdStatus}: one resource `drbd<minor>`
 * per minor with volume 0 and one connection named `peer`; KiB counters become bytes, the 8.x
 * connection state is split into connection and replication state (kept in `legacyState`).
 */
export function procToStatus(model: ProcDrbd): DrbdStatus {
  return {
    source: 'proc-drbd',
    kernel: {
      version: model.version?.release ?? null,
      api: model.version?.api ?? null,
      build: model.build?.raw ?? null,
      transports: model.transports?.list.map((t) => ({ ...t })) ?? [],
    },
    resources: model.devices.map((d) => resourceOf(d, versionKey(model.version))),
  };
}
