import type { FormatModule } from '@ftkit/core';
import type { StatusDoc } from './lint/doc.js';
import { lintStatus, rules } from './lint/index.js';
import { type ProcDrbdCst, parseProcDrbdCst, printProcDrbd } from './proc/cst.js';
import { emitProcDrbd } from './proc/emit.js';
import { parseProcDrbd } from './proc/parse.js';
import type { ProcDrbd } from './proc/schema.js';
import { detectStatusSource } from './read.js';

export type { DiagnosticCode, PendingDiagnostic } from './diagnostics.js';
export { diagnosticCodes, SOURCE } from './diagnostics.js';
export type { StatusDoc } from './lint/doc.js';
export { makeStatusDoc } from './lint/doc.js';
export { lintStatus, rules } from './lint/index.js';
export type { ProcDrbdCst, ProcLine, ProcLineKind } from './proc/cst.js';
export { classifyLine, parseProcDrbdCst, printProcDrbd } from './proc/cst.js';
export { emitProcDrbd, formatFinish, formatGrouped, progressBar, versionKey } from './proc/emit.js';
export type { ProcDrbdParseResult } from './proc/parse.js';
export {
  composeProcDrbd,
  decodeIoFlags,
  parseBuildLine,
  parseGrouped,
  parseProcDrbd,
  parseVersionLine,
} from './proc/parse.js';
export type {
  Congestion,
  IoFlags,
  ProcBuild,
  ProcCounters,
  ProcDevice,
  ProcDrbd,
  ProcLru,
  ProcOldVerify,
  ProcProgress,
  ProcSectorPos,
  ProcTransports,
  ProcVersion,
} from './proc/schema.js';
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
} from './proc/schema.js';
export { procToStatus, translateLegacyState } from './proc/to-status.js';
export type { MetricInfo } from './prometheus.js';
export { metrics, toPrometheus } from './prometheus.js';
export type { ReadStatusResult } from './read.js';
export { detectStatusSource, readStatus } from './read.js';
export type { EmitEvents2Options } from './status/emit-events2.js';
export { emitEvents2 } from './status/emit-events2.js';
export type { EmitStatusTextOptions } from './status/emit-text.js';
export { emitStatusText } from './status/emit-text.js';
export type { Events2Event, Events2Problem } from './status/events2.js';
export { Events2Parser, Events2Reducer, events2ToStatus, parseEvents2 } from './status/events2.js';
export type { StatusJson, StatusJsonProblem } from './status/json.js';
export {
  emitStatusJson,
  LooseBoolSchema,
  parseStatusJson,
  repairStatusJson,
  StatusJsonConnectionSchema,
  StatusJsonDeviceSchema,
  StatusJsonPathSchema,
  StatusJsonPeerDeviceSchema,
  StatusJsonResourceSchema,
  StatusJsonSchema,
  statusJsonToStatus,
} from './status/json.js';
export type {
  Connection,
  Device,
  DrbdStatus,
  KernelInfo,
  Path,
  PeerDevice,
  Resource,
  StatusSource,
  SyncProgress,
} from './status/model.js';
export {
  ConnectionSchema,
  DeviceSchema,
  DrbdStatusSchema,
  drbdStatusJsonSchema,
  KernelInfoSchema,
  PathSchema,
  PeerDeviceSchema,
  ResourceSchema,
  StatusSourceSchema,
  SyncProgressSchema,
  syncingStates,
} from './status/model.js';
export type { StatusTextProblem } from './status/text.js';
export { parseStatusText } from './status/text.js';

/**
 * The descriptor `ftkit lint` uses. These files are outputs, so `lint` runs health checks over
 * any of the four sources; `parse`/`emit`/`print` work on /proc/drbd text.
 */
export const procDrbdFormat = {
  name: 'proc-drbd',
  description: 'DRBD runtime status: /proc/drbd, drbdsetup status --json, drbdadm status, events2',
  filePatterns: ['**/proc/drbd', '**/*.drbd-status', '**/*.events2'],
  detect(path: string, text: string): number {
    if (/(^|\/)proc\/drbd$/.test(path)) return 1;
    const s = detectStatusSource(text);
    if (s === 'proc-drbd') return 0.9;
    if (s === 'events2') return 0.8;
    if (s === 'status-text') return /\brole:(Primary|Secondary|Unknown)\b/.test(text) ? 0.5 : 0;
    if (s === 'status-json') return /"(peer_devices|connection-state|disk-state)"/.test(text) ? 0.7 : 0;
    return 0;
  },
  parse: (text: string, options?: { fileName?: string }) => parseProcDrbd(text, options),
  parseCst: parseProcDrbdCst,
  print: printProcDrbd,
  emit: emitProcDrbd,
  lint: lintStatus,
  rules,
} satisfies FormatModule<ProcDrbdCst, ProcDrbd, StatusDoc>;
