/**
 * `@ftkit/proc-drbd/schema`: for you if you want the zod 4 schemas of the status models (to
 * validate a `DrbdStatus` you stored or received, or to derive your own types) or their JSON
 * Schema. The same JSON Schema ships as files: `@ftkit/proc-drbd/schema/drbd-status.schema.json`
 * (the normalised model) and `@ftkit/proc-drbd/schema/drbdsetup-status.schema.json` (what
 * `drbdsetup status --json` prints, as this package accepts it).
 */
import { z } from 'zod';
import { DrbdStatusSchema } from './model.js';
import { StatusJsonSchema } from './sources/status-json/schema.js';

export {
  ConnectionSchema,
  DeviceSchema,
  DrbdStatusSchema,
  KernelInfoSchema,
  PathSchema,
  PeerDeviceSchema,
  ResourceSchema,
  StatusSourceSchema,
  SyncProgressSchema,
} from './model.js';
export {
  CongestionSchema,
  IoFlagsSchema,
  ProcBuildSchema,
  ProcCountersSchema,
  ProcDeviceSchema,
  ProcDrbdSchema,
  ProcLruSchema,
  ProcOldVerifySchema,
  ProcProgressSchema,
  ProcSectorPosSchema,
  ProcTransportsSchema,
  ProcVersionSchema,
} from './sources/proc/schema.js';
export {
  LooseBoolSchema,
  StatusJsonConnectionSchema,
  StatusJsonDeviceSchema,
  StatusJsonPathSchema,
  StatusJsonPeerDeviceSchema,
  StatusJsonResourceSchema,
  StatusJsonSchema,
} from './sources/status-json/schema.js';

/**
 * The JSON Schema (draft 2020-12) of the normalised model {@link DrbdStatusSchema}, the content of
 * `schema/drbd-status.schema.json`.
 */
export function drbdStatusJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(DrbdStatusSchema) as Record<string, unknown>;
}

/**
 * The JSON Schema (draft 2020-12) of `drbdsetup status --json` output as {@link StatusJsonSchema}
 * accepts it (its input side: `"yes"`/`"no"` booleans, untrimmed states, unknown keys allowed),
 * the content of `schema/drbdsetup-status.schema.json`.
 */
export function drbdsetupStatusJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(StatusJsonSchema, { io: 'input' }) as Record<string, unknown>;
}
