/**
 * `@ftkit/proc-drbd`: DRBD's runtime status in its four shapes (/proc/drbd, `drbdsetup status
 * --json`, `drbdadm status` text, `drbdsetup events2`) read into one model, with health checks
 * and Prometheus output. Zod schemas and the JSON Schema files are in `@ftkit/proc-drbd/schema`.
 */

// Any source, one model.
export { detectStatusSource } from './detect.js';
export type { DiagnosticCode, SourceParseOptions } from './diagnostics.js';
export { diagnosticCodes } from './diagnostics.js';
// Health checks and the descriptor.
export type { StatusLintOptions, StatusRuleId, StatusSettings } from './format.js';
export { lint, procDrbdFormat, rules } from './format.js';
export { syncStalled } from './health.js';
export type { StatusDoc } from './lint/doc.js';
export type { MetricInfo, MetricType } from './metrics/families.js';
export { connectionStateValues, diskStateValues, metricFamilies, roleValues } from './metrics/families.js';
export type { MetricFamily, MetricSample, StatusMetricsOptions } from './metrics/status-metrics.js';
export { statusMetrics } from './metrics/status-metrics.js';
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
} from './model.js';
export type { StatusParseResult } from './parse.js';
export { parse } from './parse.js';
// drbdsetup events2
export type { EmitEvents2Options } from './sources/events2/emit.js';
export { emitEvents2 } from './sources/events2/emit.js';
export type { Events2Event, Events2ParseResult, Events2ParserOptions } from './sources/events2/parse.js';
export { Events2Parser, parseEvents2 } from './sources/events2/parse.js';
export { Events2Reducer, events2ToStatus } from './sources/events2/to-status.js';
// /proc/drbd
export type { ProcDrbdCst, ProcLine, ProcLineKind } from './sources/proc/cst.js';
export { parseProcDrbdCst, printProcDrbd } from './sources/proc/cst.js';
export { emitProcDrbd } from './sources/proc/emit.js';
export type { ProcDrbdParseResult } from './sources/proc/parse.js';
export { parseProcDrbd } from './sources/proc/parse.js';
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
} from './sources/proc/schema.js';
export { procToStatus, translateLegacyState } from './sources/proc/to-status.js';
// drbdsetup status --json
export { emitStatusJson } from './sources/status-json/emit.js';
export type { StatusJsonParseResult } from './sources/status-json/parse.js';
export { parseStatusJson } from './sources/status-json/parse.js';
export type { StatusJson } from './sources/status-json/schema.js';
export { statusJsonToStatus } from './sources/status-json/to-status.js';
// drbdadm status text
export type { EmitStatusTextOptions } from './sources/status-text/emit.js';
export { emitStatusText } from './sources/status-text/emit.js';
export type { StatusTextParseResult } from './sources/status-text/parse.js';
export { parseStatusText } from './sources/status-text/parse.js';
