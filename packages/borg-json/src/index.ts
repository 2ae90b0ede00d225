export type { BorgDiagnosticCode } from './diagnostics.js';
export { SOURCE } from './diagnostics.js';
export type {
  DocumentCst,
  DocumentKindInfo,
  EmitDocumentOptions,
  ParseDocumentOptions,
} from './documents/parse.js';
export {
  detectDocument,
  emitDocument,
  parseDocument,
  parseDocumentCst,
  printDocument,
} from './documents/parse.js';
export * from './documents/schema.js';
export { isBorgFloatKey } from './json/float-keys.js';
export type { PyJsonOptions } from './json/py-json.js';
export { pyDumps, pyFloat, pyString } from './json/py-json.js';
export type {
  FormatPruneOptions,
  KeepValue,
  PlanPruneOptions,
  PruneArchive,
  PruneDecision,
  PrunePlan,
  PrunePolicy,
  PruneRule,
} from './prune/plan.js';
export { formatPruneLines, PRUNE_RULES, PrunePolicyError, parseInterval, planPrune } from './prune/plan.js';
export type { WallTime } from './time/zone.js';
export { formatOffset, ZoneClock } from './time/zone.js';
export { BorgTimestamp, parseBorgTimestamp } from './timestamp.js';
export type { BorgVersion } from './version.js';
export { parseBorgVersion, versionAtLeast } from './version.js';
