export type { AuthorizedKeyEntry } from './authorized-keys.js';
export { emitAuthorizedKey, emitAuthorizedKeys, parseAuthorizedKeys } from './authorized-keys.js';
export type { BorgCommands } from './borg-commands.js';
export { borgCommands, repositoryPath, repositoryUrl, shellLine } from './borg-commands.js';
export { checkBundle, splitBundle } from './bundle.js';
export type { CheckedFile, CheckOptions, LabCheckResult } from './check.js';
export { checkLab } from './check.js';
export { defaultLabSpec } from './default-spec.js';
export type * from './facts.js';
export type { GeneratedLab, GenerateOptions } from './generate.js';
export { generateLab, LAB_SETTINGS_FILE, PHASE_DIRS } from './generate.js';
export { loadLabSpec } from './load-spec.js';
export { emitCorosyncConf, emitPacemaker } from './pacemaker.js';
export type { DrbdVersion, LabPlan, PlanMode, PlannedHost, PlannedResource, PlanOptions } from './plan.js';
export { planLab } from './plan.js';
export type { DrbdPackages, Platform, PlatformFacts } from './platform.js';
export { borgSeries, platformFacts, resolveDrbd } from './platform.js';
export { isLabOutput, readLabArgs, readNodeTree } from './read-tree.js';
export type { LabReport, LabRule, LabRuleContext } from './rule.js';
export { defineLabRule, LAB_RULE_URL } from './rule.js';
export { labRules } from './rules/index.js';
export type { RunbookPhase } from './runbook.js';
export { emitRunbook, RESTORE_DIR, restoreProbe, STAGING_DIR } from './runbook.js';
export type { LoadSpecResult } from './source.js';
export { LAB_SOURCE } from './source.js';
export type {
  LabBackup,
  LabBackupClient,
  LabMode,
  LabNode,
  LabResource,
  LabSpec,
  LabSpecInput,
} from './spec.js';
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
} from './spec.js';
export { fillMarkers, rulesTableMarkdown, specReferenceMarkdown } from './spec-docs.js';
export type { UnitFile } from './systemd-unit.js';
export { emitUnit, execLine, parseUnit, quoteExecArg, splitExecLine } from './systemd-unit.js';
export type {
  FactReaders,
  LabFile,
  LabFileKind,
  LabFormatName,
  LabPhase,
  LabTree,
  NodeTree,
  TreeFile,
} from './tree.js';
export { factReaders, labFacts, labFileKind, labFiles, nodeFacts, runbookFacts } from './tree.js';
export type { ValidateOptions } from './validate.js';
export { validateLab } from './validate.js';
export { validateSpecValue } from './validate-spec.js';
export type { WriteOptions, WriteResult, WriteStatus } from './write.js';
export { MANIFEST_FILE, writeLab } from './write.js';
