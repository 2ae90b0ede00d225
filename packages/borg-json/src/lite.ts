/**
 * `@ftkit/borg-json/lite`: the parts of the package that need no zod schema — the borg command
 * builders, the prune planner and its SVG, borg's JSON number and string format, `--json-lines`
 * items, the error table, timestamps and versions. For tools that start often (importing zod
 * costs about 0.1 s of CPU); the main entry re-exports all of it and adds the document, log and
 * lint functions, which validate with the schemas.
 */
export type {
  BorgCommandBase,
  CheckOptions,
  CompactOptions,
  CreateOptions,
  ExtractOptions,
  InitOptions,
  KeyExportOptions,
  ListOptions,
  PruneOptions,
  RepoLocation,
} from './command/build.js';
export {
  BorgCommandError,
  buildCheck,
  buildCompact,
  buildCreate,
  buildExtract,
  buildInit,
  buildKeyExport,
  buildList,
  buildPrune,
  parseRepoLocation,
  policyArgs,
} from './command/build.js';
export type { BorgDiagnosticCode } from './diagnostics.js';
export { SOURCE } from './diagnostics.js';
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
export {
  archiveGlob,
  formatPruneLines,
  PRUNE_RULES,
  PrunePolicyError,
  parseInterval,
  planPrune,
  pruneArchivesFrom,
} from './prune/plan.js';
export type { PruneSvgOptions } from './prune/svg.js';
export { RULE_COLORS, renderPruneSvg } from './prune/svg.js';
export { borgSecretsInText } from './secrets.js';
export type { BorgTextKind } from './sniff.js';
export { sniffBorgText } from './sniff.js';
export type { BorgErrorInfo } from './stream/errors.js';
export { BORG_ERRORS, borgErrorInfo, describeExitCode, exitCodeFor } from './stream/errors.js';
export type { BadLinePolicy, BorgItem, ReadItemsOptions } from './stream/items.js';
export {
  emitItems,
  emitLine,
  ITEM_KEY_NAMES,
  ItemReader,
  parseItems,
  readItems,
} from './stream/items.js';
export type { LineOptions, SourceLine, TextSource } from './stream/lines.js';
export type { WallTime } from './time/zone.js';
export { formatOffset, ZoneClock } from './time/zone.js';
export { BorgTimestamp, parseBorgTimestamp } from './timestamp.js';
export type { BorgVersion } from './version.js';
export { parseBorgVersion, versionAtLeast } from './version.js';
