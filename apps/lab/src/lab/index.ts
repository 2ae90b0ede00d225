export type { AuthorizedKeyEntry } from './authorized-keys.js';
export { emitAuthorizedKey, emitAuthorizedKeys, parseAuthorizedKeys } from './authorized-keys.js';
export { checkBundle, splitBundle } from './check/bundle.js';
export type { CheckedFile, CheckOptions, LabCheckResult } from './check/check.js';
export { checkLab } from './check/check.js';
export type * from './check/facts.js';
export type { LabFileKind, LabFormatName } from './check/file-kind.js';
export { labFileKind } from './check/file-kind.js';
export type { FactReaders } from './check/lab-facts.js';
export { factReaders, labFacts, nodeFacts, runbookFacts } from './check/lab-facts.js';
export { isLabOutput, readLabArgs, readNodeTree } from './check/read-tree.js';
export type { LabReport, LabRule, LabRuleContext } from './check/rule.js';
export { defineLabRule, LAB_RULE_URL } from './check/rule.js';
export { labRules } from './check/rules/index.js';
export type { ValidateOptions } from './check/validate.js';
export { validateLab } from './check/validate.js';
export type { BorgCommands } from './generate/borg-commands.js';
export { borgCommands, repositoryPath, repositoryUrl, shellLine } from './generate/borg-commands.js';
export type { GeneratedLab, GenerateOptions } from './generate/generate.js';
export { generateLab, LAB_SETTINGS_FILE, PHASE_DIRS } from './generate/generate.js';
export { emitCorosyncConf, emitPacemaker } from './generate/pacemaker.js';
export type {
  DrbdVersion,
  LabPlan,
  PlanMode,
  PlannedHost,
  PlannedResource,
  PlanOptions,
} from './generate/plan.js';
export { planLab } from './generate/plan.js';
export type { RunbookPhase } from './generate/runbook.js';
export { emitRunbook, RESTORE_DIR, restoreProbe, STAGING_DIR } from './generate/runbook.js';
export type { WriteOptions, WriteResult, WriteStatus } from './generate/write.js';
export { MANIFEST_FILE, writeLab } from './generate/write.js';
export { defaultLabSpec } from './spec/default-spec.js';
export { loadLabSpec } from './spec/load-spec.js';
export type { DrbdPackages, Platform, PlatformFacts } from './spec/platform.js';
export { borgSeries, platformFacts, resolveDrbd } from './spec/platform.js';
export type { LoadSpecResult } from './spec/source.js';
export { LAB_SOURCE } from './spec/source.js';
export type {
  LabBackup,
  LabBackupClient,
  LabMode,
  LabNode,
  LabResource,
  LabSpec,
  LabSpecInput,
} from './spec/spec.js';
export {
  BackupClientSchema,
  BackupSchema,
  defineLab,
  LabSpecCheckedSchema,
  LabSpecSchema,
  labJsonSchema,
  MountSchema,
  NodeSchema,
  Ocfs2Schema,
  PacemakerSchema,
  PlatformSchema,
  ResourceSchema,
  RetentionSchema,
  ScheduleSchema,
} from './spec/spec.js';
export { fillMarkers, rulesTableMarkdown, specReferenceMarkdown } from './spec/spec-docs.js';
export { validateSpecValue } from './spec/validate-spec.js';
export type { UnitFile } from './systemd-unit.js';
export { emitUnit, execLine, parseUnit, quoteExecArg, splitExecLine } from './systemd-unit.js';
export type { LabFile, LabPhase, LabTree, NodeTree, TreeFile } from './tree.js';
export { labFiles } from './tree.js';
