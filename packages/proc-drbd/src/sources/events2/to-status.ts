import {
  type Connection,
  type Device,
  type DrbdStatus,
  emptyConnection,
  emptyDevice,
  emptyPeerDevice,
  emptyResource,
  type PeerDevice,
  type Resource,
} from '../../model.js';
import type { Events2Event } from './parse.js';

const yesNo = (v: string | undefined): boolean | null =>
  v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : null;
const num = (v: string | undefined): number | null => {
  if (v === undefined || v === '' || v === 'nan') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};
const KiB = 1024;
const MiB = 1024 * 1024;
const list = (v: string): string[] => (v === 'no' || v === '' ? [] : v.split(','));

interface ResourceState {
  resource: Resource;
  devices: Map<number, Device>;
  connections: Map<
    string,
    {
      connection: Connection;
      peerDevices: Map<number, PeerDevice>;
      paths: Map<string, Connection['paths'][number]>;
    }
  >;
}

/**
 * Keeps the current state of every resource, device, connection, peer device and path from
 * `exists`/`create`/`change`/`destroy` events (keyed by identity, never by position; destroying a
 * parent destroys its children). `toStatus()` gives the normalised model at any time.
 */
export class Events2Reducer {
  private readonly resources = new Map<string, ResourceState>();
  /** Whether the initial dump (`exists -`) has been seen. */
  initialDumpDone = false;
  /** Timestamp of the last event that had one. */
  lastTimestamp: string | null = null;
  /** Helper calls seen (`call helper`), most recent last, at most 100. */
  readonly helperCalls: {
    timestamp: string | null;
    fields: Readonly<Record<string, string>>;
    status: number | null;
  }[] = [];

  /** Applies one event. */
  apply(e: Events2Event): void {
    if (e.timestamp) this.lastTimestamp = e.timestamp;
    if (e.object === '-') {
      if (e.action === 'exists') this.initialDumpDone = true;
      return;
    }
    const f = e.fields;
    if (e.object === 'helper') {
      if (e.action === 'call') {
        this.helperCalls.push({ timestamp: e.timestamp, fields: f, status: null });
        if (this.helperCalls.length > 100) this.helperCalls.shift();
      } else if (e.action === 'response') {
        for (let i = this.helperCalls.length - 1; i >= 0; i--) {
          const c = this.helperCalls[i]!;
          if (c.status === null && c.fields.helper === f.helper && c.fields.name === f.name) {
            c.status = num(f.status);
            break;
          }
        }
      }
      return;
    }
    const name = f.name;
    if (name === undefined) return;
    if (e.action === 'rename' && e.object === 'resource') {
      const st = this.resources.get(name);
      if (st && f.new_name !== undefined) {
        this.resources.delete(name);
        st.resource.name = f.new_name;
        this.resources.set(f.new_name, st);
      }
      return;
    }
    const destroy = e.action === 'destroy';
    let st = this.resources.get(name);
    if (e.object === 'resource') {
      if (destroy) {
        this.resources.delete(name);
        return;
      }
      if (!st) {
        st = { resource: emptyResource(name), devices: new Map(), connections: new Map() };
        this.resources.set(name, st);
      }
      const r = st.resource;
      if (f.role !== undefined) r.role = f.role;
      if (f.suspended !== undefined) {
        r.suspendedReasons = list(f.suspended);
        r.suspended = r.suspendedReasons.length > 0;
      }
      if (f['write-ordering'] !== undefined) r.writeOrdering = f['write-ordering'];
      if (f['force-io-failures'] !== undefined) r.forceIoFailures = yesNo(f['force-io-failures']);
      if (f.may_promote !== undefined) r.mayPromote = yesNo(f.may_promote);
      if (f.promotion_score !== undefined) r.promotionScore = num(f.promotion_score);
      return;
    }
    if (!st) {
      if (destroy) return;
      st = { resource: emptyResource(name), devices: new Map(), connections: new Map() };
      this.resources.set(name, st);
    }
    if (e.object === 'device') {
      const volume = num(f.volume) ?? 0;
      if (destroy) {
        st.devices.delete(volume);
        return;
      }
      let d = st.devices.get(volume);
      if (!d) {
        d = emptyDevice(volume);
        st.devices.set(volume, d);
      }
      if (f.minor !== undefined) d.minor = num(f.minor);
      if (f.disk !== undefined) d.disk = f.disk;
      if (f.backing_dev !== undefined) d.backingDev = f.backing_dev === 'none' ? null : f.backing_dev;
      if (f.client !== undefined) d.client = yesNo(f.client);
      if (f.quorum !== undefined) d.quorum = yesNo(f.quorum);
      if (f.open !== undefined) d.open = yesNo(f.open);
      if (f.size !== undefined) d.sizeBytes = mul(num(f.size), KiB);
      if (f.read !== undefined) d.readBytes = mul(num(f.read), KiB);
      if (f.written !== undefined) d.writtenBytes = mul(num(f.written), KiB);
      if (f['al-writes'] !== undefined) d.alWrites = num(f['al-writes']);
      if (f['bm-writes'] !== undefined) d.bmWrites = num(f['bm-writes']);
      if (f['upper-pending'] !== undefined) d.upperPending = num(f['upper-pending']);
      if (f['lower-pending'] !== undefined) d.lowerPending = num(f['lower-pending']);
      if (f['al-suspended'] !== undefined) d.alSuspended = yesNo(f['al-suspended']);
      if (f.blocked !== undefined) d.blocked = list(f.blocked);
      return;
    }
    const key = `${f['peer-node-id'] ?? ''}\u0000${f['conn-name'] ?? ''}`;
    let c = st.connections.get(key);
    if (e.object === 'connection' && destroy) {
      st.connections.delete(key);
      return;
    }
    if (!c) {
      if (destroy) return;
      c = {
        connection: emptyConnection(f['conn-name'] ?? f['peer-node-id'] ?? '', num(f['peer-node-id'])),
        peerDevices: new Map(),
        paths: new Map(),
      };
      st.connections.set(key, c);
    }
    if (e.object === 'connection') {
      const conn = c.connection;
      if (f.connection !== undefined) conn.state = f.connection;
      if (f.role !== undefined) conn.peerRole = f.role;
      if (f.congested !== undefined) conn.congested = yesNo(f.congested);
      if (f.tls !== undefined) conn.tls = yesNo(f.tls);
      if (f['ap-in-flight'] !== undefined) conn.apInFlightBytes = mul(num(f['ap-in-flight']), 512);
      if (f['rs-in-flight'] !== undefined) conn.rsInFlightBytes = mul(num(f['rs-in-flight']), 512);
      return;
    }
    if (e.object === 'peer-device') {
      const volume = num(f.volume) ?? 0;
      if (destroy) {
        c.peerDevices.delete(volume);
        return;
      }
      let pd = c.peerDevices.get(volume);
      if (!pd) {
        pd = emptyPeerDevice(volume);
        c.peerDevices.set(volume, pd);
      }
      if (f.replication !== undefined) pd.replication = f.replication;
      if (f['peer-disk'] !== undefined) pd.peerDisk = f['peer-disk'];
      if (f['peer-client'] !== undefined) pd.peerClient = yesNo(f['peer-client']);
      if (f['resync-suspended'] !== undefined) pd.resyncSuspended = list(f['resync-suspended']);
      if (f.received !== undefined) pd.receivedBytes = mul(num(f.received), KiB);
      if (f.sent !== undefined) pd.sentBytes = mul(num(f.sent), KiB);
      if (f['out-of-sync'] !== undefined) pd.outOfSyncBytes = mul(num(f['out-of-sync']), KiB);
      if (f.pending !== undefined) pd.pending = num(f.pending);
      if (f.unacked !== undefined) pd.unacked = num(f.unacked);
      const syncing = /^(Sync|Verify)/.test(pd.replication);
      if (!syncing) pd.sync = null;
      else if (f.done !== undefined || f.dbdt1 !== undefined || f.eta !== undefined || !pd.sync) {
        const prev = pd.sync;
        pd.sync = {
          kind: pd.replication.startsWith('Verify') ? 'verify' : 'resync',
          percentDone: f.done !== undefined ? num(f.done) : (prev?.percentDone ?? null),
          etaSeconds: f.eta !== undefined ? num(f.eta) : (prev?.etaSeconds ?? null),
          speedBytesPerSecond:
            f.dbdt1 !== undefined ? mul(num(f.dbdt1), MiB) : (prev?.speedBytesPerSecond ?? null),
          averageBytesPerSecond: null,
          wantBytesPerSecond: null,
          leftBytes: null,
          totalBytes: null,
          stalled: null,
        };
      }
      return;
    }
    if (e.object === 'path') {
      const pk = `${f.local ?? ''} ${f.peer ?? ''}`;
      if (destroy) {
        c.paths.delete(pk);
        return;
      }
      let p = c.paths.get(pk);
      if (!p) {
        p = { local: f.local ?? '', peer: f.peer ?? '', established: null };
        c.paths.set(pk, p);
      }
      if (f.established !== undefined) p.established = yesNo(f.established);
    }
  }

  /** Applies a list of events. */
  applyAll(events: Iterable<Events2Event>): this {
    for (const e of events) this.apply(e);
    return this;
  }

  /** The current state as the normalised model (resources by name, devices by volume, connections by name). */
  toStatus(): DrbdStatus {
    const resources: Resource[] = [];
    for (const st of [...this.resources.values()].sort((a, b) => cmp(a.resource.name, b.resource.name))) {
      const r: Resource = { ...st.resource };
      r.devices = [...st.devices.values()].sort((a, b) => a.volume - b.volume).map((d) => ({ ...d }));
      r.connections = [...st.connections.values()]
        .map((c) => ({
          ...c.connection,
          paths: [...c.paths.values()].map((p) => ({ ...p })),
          peerDevices: [...c.peerDevices.values()].sort((a, b) => a.volume - b.volume).map((p) => ({ ...p })),
        }))
        .sort((a, b) => cmp(a.name, b.name) || (a.peerNodeId ?? -1) - (b.peerNodeId ?? -1));
      resources.push(r);
    }
    // A deep copy: callers may keep or change it while the reducer goes on.
    return structuredClone({ source: 'events2' as const, kernel: null, resources });
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const mul = (v: number | null, f: number) => (v === null ? null : v * f);

/** Reduces parsed events (see `parseEvents2`) to the state at their end. */
export function events2ToStatus(events: readonly Events2Event[]): DrbdStatus {
  return new Events2Reducer().applyAll(events).toStatus();
}
