import { z } from 'zod';

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
