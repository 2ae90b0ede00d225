import { z } from 'zod';
import {
  type DrbdStatus,
  emptyConnection,
  emptyDevice,
  emptyPeerDevice,
  emptyResource,
  type Resource,
} from './model.js';

/** `true`/`false`, or the older strings `"yes"`/`"no"`/`"true"`/`"false"`/`"unknown"` (unknown → `null`). */
export const LooseBoolSchema = z.union([
  z.boolean(),
  z
    .enum(['yes', 'no', 'true', 'false', 'unknown'])
    .transform((v) => (v === 'unknown' ? null : v === 'yes' || v === 'true')),
]);

/** A state word; drbd-utils prints some with a trailing blank, so it is trimmed. */
const StateString = z.string().transform((s) => s.trim());
/** A number, or `null` where 9.4.0–9.5.0 printed `nan`/`inf` (made valid JSON before parsing). */
const LooseNumber = z.number().nullable();

const PathHostSchema = z.looseObject({
  address: z.string().optional(),
  port: z.number().optional(),
  family: z.string(),
});

/** `paths[]` entry of a connection (utils 9.26+). */
export const StatusJsonPathSchema = z.looseObject({
  this_host: PathHostSchema,
  remote_host: PathHostSchema,
  established: LooseBoolSchema.optional(),
});

/** `peer_devices[]` entry (note the underscore in the parent key). */
export const StatusJsonPeerDeviceSchema = z.looseObject({
  volume: z.number().int(),
  'replication-state': StateString,
  'peer-disk-state': StateString,
  'peer-client': LooseBoolSchema.optional(),
  'resync-suspended': z.string().optional(),
  received: z.number().optional(),
  sent: z.number().optional(),
  'out-of-sync': z.number().optional(),
  pending: z.number().optional(),
  unacked: z.number().optional(),
  'has-sync-details': z.boolean().optional(),
  'has-online-verify-details': z.boolean().optional(),
  'percent-in-sync': LooseNumber.optional(),
  'rs-total': z.number().optional(),
  'rs-dt-start-ms': z.number().optional(),
  'rs-paused-ms': z.number().optional(),
  'rs-dt0-ms': z.number().optional(),
  'rs-db0-sectors': z.number().optional(),
  'rs-dt1-ms': z.number().optional(),
  'rs-db1-sectors': z.number().optional(),
  'ov-start-sector': z.number().optional(),
  'ov-stop-sector': z.number().optional(),
  'ov-position': z.number().optional(),
  'ov-left': z.number().optional(),
  'ov-skipped': z.number().optional(),
  'rs-failed': z.number().optional(),
  'rs-same-csum': z.number().optional(),
  want: LooseNumber.optional(),
  'db0/dt0 [MiB/s]': LooseNumber.optional(),
  'db1/dt1 [MiB/s]': LooseNumber.optional(),
  'estimated-seconds-to-finish': LooseNumber.optional(),
  'db/dt [MiB/s]': LooseNumber.optional(),
  'percent-resync-done': LooseNumber.optional(),
  /** utils 8.9.11–9.3. */
  'resync-done': LooseNumber.optional(),
});

/** `connections[]` entry. */
export const StatusJsonConnectionSchema = z.looseObject({
  'peer-node-id': z.number().int(),
  name: z.string(),
  'connection-state': StateString,
  congested: LooseBoolSchema.optional(),
  'peer-role': StateString,
  tls: LooseBoolSchema.optional(),
  'ap-in-flight': z.number().optional(),
  'rs-in-flight': z.number().optional(),
  paths: z.array(StatusJsonPathSchema).optional(),
  peer_devices: z.array(StatusJsonPeerDeviceSchema).default([]),
});

/** `devices[]` entry. */
export const StatusJsonDeviceSchema = z.looseObject({
  volume: z.number().int(),
  minor: z.number().int(),
  'disk-state': StateString.optional(),
  /** drbd-utils 8.9.10 printed the key with a colon inside. */
  'disk-state:': StateString.optional(),
  client: LooseBoolSchema.optional(),
  open: LooseBoolSchema.optional(),
  quorum: LooseBoolSchema.optional(),
  size: z.number().optional(),
  read: z.number().optional(),
  written: z.number().optional(),
  'al-writes': z.number().optional(),
  'bm-writes': z.number().optional(),
  'upper-pending': z.number().optional(),
  'lower-pending': z.number().optional(),
});

/** One resource of `drbdsetup status --json`. */
export const StatusJsonResourceSchema = z.looseObject({
  name: z.string(),
  'node-id': z.number().int().optional(),
  role: StateString,
  suspended: LooseBoolSchema.optional(),
  'suspended-user': LooseBoolSchema.optional(),
  'suspended-no-data': LooseBoolSchema.optional(),
  'suspended-fencing': LooseBoolSchema.optional(),
  'suspended-quorum': LooseBoolSchema.optional(),
  'force-io-failures': LooseBoolSchema.optional(),
  'write-ordering': z.string().optional(),
  devices: z.array(StatusJsonDeviceSchema).default([]),
  connections: z.array(StatusJsonConnectionSchema).default([]),
});

/** The whole `drbdsetup status --json` document: an array of resources. */
export const StatusJsonSchema = z.array(StatusJsonResourceSchema);
/** StatusJson as a TypeScript type (inferred from {@link StatusJsonSchema}). */
export type StatusJson = z.infer<typeof StatusJsonSchema>;

/** A problem reading status JSON, with the JSON path where zod found it. */
export interface StatusJsonProblem {
  readonly code: 'INVALID_JSON' | 'SCHEMA_MISMATCH';
  readonly message: string;
  readonly path: readonly (string | number)[];
  /** Offset in the text where known (JSON syntax errors). */
  readonly offset?: number;
}

/**
 * Replaces the bare `nan`, `-nan`, `inf`, `-inf` that drbd-utils 9.4.0–9.5.0 printed as numbers
 * with `null`, outside strings, so `JSON.parse` accepts the document.
 */
export function repairStatusJson(text: string): string {
  if (!/\b(?:nan|inf)\b/.test(text)) return text;
  return text.replace(/("(?:[^"\\]|\\.)*")|-?\b(?:nan|inf)\b/g, (m, str: string | undefined) =>
    str ? m : 'null',
  );
}

/** The value at a zod issue path in the parsed JSON (own properties only). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** A JSON type name for messages; JSON's `1e309` parses to Infinity, which JSON cannot hold. */
function foundText(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'a number too large for a double';
  return typeof v === 'number' ? 'number' : typeof v;
}

function issueMessage(i: z.core.$ZodIssue, raw: unknown): string {
  const where = `\`${i.path.map(String).join('.') || '(root)'}\``;
  if (i.code === 'invalid_type') {
    const v = valueAt(raw, i.path);
    if (v === undefined && i.path.length > 0) {
      const parent = i.path.slice(0, -1).map(String).join('.') || '(root)';
      return `Missing key \`${String(i.path[i.path.length - 1])}\` (${i.expected}) in \`${parent}\``;
    }
    return `Expected ${i.expected} at ${where}, found ${foundText(v)}`;
  }
  return `Invalid value at ${where}: ${i.message}`;
}

/** Parses `drbdsetup status --json` text. Never throws. */
export function parseStatusJson(text: string): { data: StatusJson | null; problems: StatusJsonProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(repairStatusJson(text));
  } catch (error) {
    const m = /position (\d+)/.exec(String(error));
    return {
      data: null,
      problems: [
        {
          code: 'INVALID_JSON',
          message: `Expected JSON, found a syntax error: ${error instanceof Error ? error.message : String(error)}`,
          path: [],
          ...(m ? { offset: Number(m[1]) } : {}),
        },
      ],
    };
  }
  const r = StatusJsonSchema.safeParse(raw);
  if (r.success) return { data: r.data, problems: [] };
  return {
    data: null,
    problems: r.error.issues.map((i) => ({
      code: 'SCHEMA_MISMATCH' as const,
      message: issueMessage(i, raw),
      path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    })),
  };
}

const KiB = 1024;
const MiB = 1024 * 1024;
const opt = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);
const times = (v: number | undefined | null, f: number) => (v === undefined || v === null ? null : v * f);
const list = (v: string | undefined): string[] =>
  v === undefined || v === 'no' || v === '' ? [] : v.split(',');

function addressOf(h: z.infer<typeof PathHostSchema>): string {
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

/**
 * Writes a normalised model as `drbdsetup status --json` prints it (key order, blank after the
 * connection-state value, `} ]` closers, resource separator on its own line).
 */
export function emitStatusJson(status: DrbdStatus): string {
  const b = (v: boolean | null) => (v === null ? 'false' : String(v));
  const n = (v: number | null, d = 1) => String(v === null ? 0 : Math.round(v / d));
  const f2 = (v: number | null, d = 1) => (v === null ? 0 : v / d).toFixed(2);
  const s = (v: string) => JSON.stringify(v);
  const res = status.resources.map((r) => {
    const devs = r.devices.map(
      (d) =>
        `    {\n      "volume": ${d.volume},\n      "minor": ${d.minor ?? 0},\n      "disk-state": ${s(d.disk)},\n      "client": ${b(d.client)},\n      "open": ${b(d.open)},\n      "quorum": ${b(d.quorum)},\n      "size": ${n(d.sizeBytes, KiB)},\n      "read": ${n(d.readBytes, KiB)},\n      "written": ${n(d.writtenBytes, KiB)},\n      "al-writes": ${n(d.alWrites)},\n      "bm-writes": ${n(d.bmWrites)},\n      "upper-pending": ${n(d.upperPending)},\n      "lower-pending": ${n(d.lowerPending)}\n    }`,
    );
    const conns = r.connections.map((c) => {
      const paths = c.paths.map((p) => {
        const host = (a: string) => {
          const m = /^(\w+):(?:\[(.*)\]|(.*)):(\d+)$/.exec(a);
          if (!m) return `{\n            "family": "unknown"\n          }`;
          return `{\n            "address": ${s(m[2] ?? m[3] ?? '')},\n            "port": ${m[4]},\n            "family": ${s(m[1]!)}\n          }`;
        };
        return `        {\n          "this_host": ${host(p.local)},\n          "remote_host": ${host(p.peer)},\n          "established": ${b(p.established)}\n        }`;
      });
      const pds = c.peerDevices.map((pd) => {
        let t = `        {\n          "volume": ${pd.volume},\n          "replication-state": ${s(pd.replication)},\n          "peer-disk-state": ${s(pd.peerDisk)},\n          "peer-client": ${b(pd.peerClient)},\n          "resync-suspended": ${s(pd.resyncSuspended.length ? pd.resyncSuspended.join(',') : 'no')},\n          "received": ${n(pd.receivedBytes, KiB)},\n          "sent": ${n(pd.sentBytes, KiB)},\n          "out-of-sync": ${n(pd.outOfSyncBytes, KiB)},\n          "pending": ${n(pd.pending)},\n          "unacked": ${n(pd.unacked)},\n          "has-sync-details": ${pd.sync ? 'true' : 'false'},\n          "has-online-verify-details": ${pd.sync?.kind === 'verify' ? 'true' : 'false'}`;
        if (pd.sync) {
          const y = pd.sync;
          t += `,\n          "rs-total": ${n(y.totalBytes, 512)},\n          "want": ${f2(y.wantBytesPerSecond, MiB)},\n          "db1/dt1 [MiB/s]": ${f2(y.speedBytesPerSecond, MiB)},\n          "estimated-seconds-to-finish": ${y.etaSeconds === null ? 987654321 : Math.round(y.etaSeconds)},\n          "db/dt [MiB/s]": ${f2(y.averageBytesPerSecond, MiB)},\n          "percent-resync-done": ${f2(y.percentDone)}`;
        }
        return `${t}\n        }`;
      });
      return `    {\n      "peer-node-id": ${c.peerNodeId ?? -1},\n      "name": ${s(c.name)},\n      "connection-state": ${s(c.state)}, \n      "congested": ${b(c.congested)},\n      "peer-role": ${s(c.peerRole)},\n      "tls": ${b(c.tls)},\n      "ap-in-flight": ${n(c.apInFlightBytes, 512)},\n      "rs-in-flight": ${n(c.rsInFlightBytes, 512)},\n      "paths": [\n${paths.join(',\n')} ],\n      "peer_devices": [\n${pds.join(',\n')} ]\n    }`;
    });
    const reasons = new Set(r.suspendedReasons);
    return `{\n  "name": ${s(r.name)},\n  "node-id": ${r.nodeId ?? -1},\n  "role": ${s(r.role)},\n  "suspended": ${b(r.suspended)},\n  "suspended-user": ${reasons.has('user')},\n  "suspended-no-data": ${reasons.has('no-data')},\n  "suspended-fencing": ${reasons.has('fencing')},\n  "suspended-quorum": ${reasons.has('quorum')},\n  "force-io-failures": ${b(r.forceIoFailures)},\n  "write-ordering": ${s(r.writeOrdering ?? 'none')},\n  "devices": [\n${devs.join(',\n')} ],\n  "connections": [\n${conns.join(',\n')} ]\n}`;
  });
  return `[\n${res.join('\n,\n')}${res.length ? '\n' : ''}]\n\n`;
}
