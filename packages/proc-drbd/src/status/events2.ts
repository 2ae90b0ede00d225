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
} from './model.js';

/** One parsed `drbdsetup events2` line. */
export interface Events2Event {
  /** `2024-06-20T10:15:42.118351+02:00`, or `null` without `--timestamps`. */
  readonly timestamp: string | null;
  /** `exists`, `create`, `change`, `destroy`, `call`, `response`, `rename`, or `skipped` (old `- skipped N`). */
  readonly action: string;
  /** `resource`, `device`, `connection`, `peer-device`, `path`, `helper`; `-` for the `exists -` end-of-dump marker. */
  readonly object: string;
  /**
   * `key:value` pairs split at the first colon, in a prototype-free record. In `--diff` mode the
   * value is the new one (after `->`); `UNKNOWN` placeholders are dropped.
   */
  readonly fields: Readonly<Record<string, string>>;
  /** 1-based line number within the stream. */
  readonly line: number;
}

/** A line the parser could not read. */
export interface Events2Problem {
  readonly line: number;
  readonly text: string;
  readonly message: string;
}

const actions = new Set(['exists', 'create', 'change', 'destroy', 'call', 'response', 'rename']);
/** The object types drbdsetup prints (`-` is the end of the initial dump). */
const objects = new Set(['resource', 'device', 'connection', 'peer-device', 'path', 'helper', '-']);

/**
 * Field records: their prototype is an empty object without a prototype, so user-chosen keys
 * (`__proto__`, `constructor`) are plain own keys and absent keys read as `undefined` — and,
 * unlike `Object.create(null)`, V8 keeps these objects in fast mode.
 */
const FieldBag = function FieldBag() {} as unknown as { new (): Record<string, string> };
FieldBag.prototype = Object.create(null);

const reTimestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+[+-]\d\d:\d\d$/;
const reAnsi = /\x1b\[[0-9;]*m/g;

/**
 * Incremental events2 parser: feed chunks as they arrive (`push`), get complete events back;
 * a partial last line is kept until the next chunk or `end()`. Never throws on input.
 */
export class Events2Parser {
  private rest = '';
  private lineNo = 0;
  /** The event of the last line read: an indented `key:value` line continues it. */
  private last: Events2Event | undefined;
  /** Inside an over-long line: its bytes are dropped up to the next line break. */
  private skipping = false;
  private readonly maxLineLength: number;
  /** Lines that could not be read, with the reason. */
  readonly problems: Events2Problem[] = [];

  /**
   * @param options.maxLineLength - Longest line kept, in UTF-16 units (default 1 MiB; real
   *   events2 lines are well under 1 KiB). A longer line is reported once in `problems` and
   *   skipped, so memory stays bounded by this length whatever the stream holds.
   */
  constructor(options: { readonly maxLineLength?: number } = {}) {
    this.maxLineLength = options.maxLineLength ?? 1024 * 1024;
  }

  /** Parses every complete line in `chunk` (plus what was left over from earlier chunks). */
  push(chunk: string): Events2Event[] {
    const out: Events2Event[] = [];
    let text = this.rest + chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl === -1) break;
      if (this.skipping) this.skipping = false;
      else if (nl - start > this.maxLineLength) this.tooLong(text.slice(start, start + this.headLength));
      else this.handle(text.slice(start, nl), out);
      start = nl + 1;
    }
    this.rest = this.skipping ? '' : text.slice(start);
    if (this.rest.length > this.maxLineLength) {
      this.tooLong(this.rest.slice(0, this.headLength));
      this.rest = '';
      this.skipping = true;
    }
    text = '';
    return out;
  }

  /** Parses the last line if the stream did not end with a line break. */
  end(): Events2Event[] {
    const out: Events2Event[] = [];
    if (this.rest.length > 0 && !this.skipping) this.handle(this.rest, out);
    this.rest = '';
    this.skipping = false;
    return out;
  }

  /** How much of an over-long line `problems` shows: the same however the stream was split. */
  private get headLength(): number {
    return Math.min(40, this.maxLineLength + 1);
  }

  /** Records an over-long line (it counts as one line, and is not parsed). */
  private tooLong(head: string): void {
    this.lineNo++;
    this.last = undefined;
    this.problems.push({
      line: this.lineNo,
      text: `${head}…`,
      message: `Unexpected line longer than ${this.maxLineLength} characters (skipped)`,
    });
  }

  private handle(raw: string, out: Events2Event[]): void {
    this.lineNo++;
    let line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (line.includes('\x1b')) line = line.replace(reAnsi, '');
    const n = line.length;
    let p = 0;
    while (p < n && line.charCodeAt(p) === 32) p++;
    if (p === n) return;
    if (p > 0 && this.last !== undefined) {
      // drbdsetup never breaks a line, but documentation does ("lines broken for readability"
      // in LINBIT's guide): an indented line of `key:value` items continues the event above.
      // Its fields join that event (in a stream they come after it was handed out).
      const sp = line.indexOf(' ', p);
      const first = line.slice(p, sp === -1 ? n : sp);
      const colon = first.indexOf(':');
      if (colon > 0 && !actions.has(first) && !reTimestamp.test(first)) {
        this.problems.push({
          line: this.lineNo,
          text: raw,
          message: `Unexpected line break before \`${first.length > 30 ? `${first.slice(0, 30)}…` : first}\`: read as the rest of line ${this.last.line}`,
        });
        this.readFields(line, p, this.last.fields as Record<string, string>, raw);
        return;
      }
    }
    let timestamp: string | null = null;
    // A timestamp is 32 characters with `T` at 10: checked cheaply, then by pattern.
    if (line.charCodeAt(p + 10) === 84 && line.charCodeAt(p + 4) === 45) {
      const sp = line.indexOf(' ', p);
      const ts = line.slice(p, sp === -1 ? n : sp);
      if (reTimestamp.test(ts)) {
        timestamp = ts;
        p = sp === -1 ? n : sp + 1;
      }
    }
    const s1 = line.indexOf(' ', p);
    const action = line.slice(p, s1 === -1 ? n : s1);
    const s2 = s1 === -1 ? -1 : line.indexOf(' ', s1 + 1);
    const object = s1 === -1 ? '' : line.slice(s1 + 1, s2 === -1 ? n : s2);
    if (action === '-' && object === 'skipped') {
      const fields = new FieldBag();
      fields.count = s2 === -1 ? '' : line.slice(s2 + 1).trim();
      out.push({ timestamp, action: 'skipped', object: '-', fields, line: this.lineNo });
      return;
    }
    if (object === '' || !actions.has(action)) {
      this.last = undefined;
      this.problems.push({
        line: this.lineNo,
        text: raw,
        message: `Expected \`ACTION OBJECT key:value …\`, found \`${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}\``,
      });
      return;
    }
    if (!objects.has(object)) {
      this.last = undefined;
      // A newer drbdsetup (or a test) may add object types: skipped, never taken for one we know
      // (it used to become a phantom connection of the resource it names).
      this.problems.push({
        line: this.lineNo,
        text: raw,
        message: `Unknown events2 object \`${object.length > 30 ? `${object.slice(0, 30)}…` : object}\` (line skipped)`,
      });
      return;
    }
    const fields = new FieldBag();
    this.readFields(line, s2 === -1 ? n : s2 + 1, fields, raw);
    const event: Events2Event = { timestamp, action, object, fields, line: this.lineNo };
    this.last = event;
    out.push(event);
  }

  /** Reads the `key:value` items of `line` from offset `p` into `fields`. */
  private readFields(line: string, from: number, fields: Record<string, string>, raw: string): void {
    const n = line.length;
    const diff = line.includes('->');
    let p = from;
    while (p < n) {
      let end = line.indexOf(' ', p);
      if (end === -1) end = n;
      if (end === p) {
        p++;
        continue;
      }
      const colon = line.indexOf(':', p);
      if (colon <= p || colon >= end) {
        this.problems.push({
          line: this.lineNo,
          text: raw,
          message: `Expected \`key:value\`, found \`${line.slice(p, end)}\``,
        });
        p = end + 1;
        continue;
      }
      // --diff prints `old->new`: keep the new value.
      const arrow = diff ? line.indexOf('->', colon) : -1;
      fields[line.slice(p, colon)] =
        arrow !== -1 && arrow < end ? line.slice(arrow + 2, end) : line.slice(colon + 1, end);
      p = end + 1;
    }
  }
}

/** Parses a whole events2 capture at once. */
export function parseEvents2(text: string): { events: Events2Event[]; problems: Events2Problem[] } {
  const p = new Events2Parser();
  const events = [...p.push(text), ...p.end()];
  return { events, problems: p.problems };
}

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

/** Parses an events2 capture and reduces it to the state at its end. */
export function events2ToStatus(text: string): { status: DrbdStatus; problems: Events2Problem[] } {
  const { events, problems } = parseEvents2(text);
  return { status: new Events2Reducer().applyAll(events).toStatus(), problems };
}
