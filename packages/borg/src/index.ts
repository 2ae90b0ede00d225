/**
 * `@ftkit/borg`: working with borg itself, as opposed to reading what it prints (that is
 * `@ftkit/borg-json`): argv builders for borg commands, the prune planner that prints what
 * `borg prune --dry-run --list` prints and its SVG, and the verdict of a finished run.
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
export type { OutcomeMetricsOptions } from './outcome/metrics.js';
export { OUTCOME_VALUES, outcomeMetrics } from './outcome/metrics.js';
export type {
  BorgOutcome,
  BorgVerdict,
  OutcomeArchive,
  OutcomeInput,
  OutcomeReason,
  OutcomeReasonKind,
} from './outcome/outcome.js';
export { borgOutcome } from './outcome/outcome.js';
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
  parseInterval,
  planPrune,
  pruneArchivesFrom,
} from './prune/plan.js';
export type { PruneSvgOptions } from './prune/svg.js';
export { RULE_COLORS, renderPruneSvg } from './prune/svg.js';
