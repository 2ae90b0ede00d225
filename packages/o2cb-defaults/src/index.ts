// `@ftkit/o2cb-defaults`: parse, print, emit, format, edit and lint /etc/default/o2cb and
// /etc/sysconfig/o2cb, with the variable tables. Loads no zod: the zod schema and JSON Schema
// are in `@ftkit/o2cb-defaults/schema`.
export type { BootClusterStatus } from './cross-check.js';
export { bootClusterStatus, crossCheckBootCluster } from './cross-check.js';
export { parseCst } from './cst/parse-cst.js';
export { print } from './cst/print.js';
export type {
  AssignmentLine,
  AssignmentValue,
  BlankLine,
  CommentLine,
  O2cbCst,
  O2cbLine,
  Quoting,
  RecoveryKind,
  RecoveryLine,
  TextSpan,
} from './cst/types.js';
export type { O2cbDefaultsErrorCode } from './diagnostics.js';
export { PARSE_CODES, SOURCE } from './diagnostics.js';
export type { NodeFile } from './drift.js';
export { checkDrift } from './drift.js';
export { edit, setVariable, unsetVariable } from './edit.js';
export type { EmitForm, EmitOptions } from './emit.js';
export { emit } from './emit.js';
export type { O2cbRuleId } from './format.js';
export { format, lint, o2cbDefaultsFormat, rules } from './format.js';
export type { O2cbLintDoc } from './lint/doc.js';
export type { O2cbDefaults } from './model/compose.js';
export { compose, effectiveSettings } from './model/compose.js';
export type { O2cbParseResult, ParseOptions } from './parse.js';
export { parse } from './parse.js';
export { shellQuote } from './quote.js';
export type { O2cbSettings, O2cbSettingsInput } from './settings.js';
export { fromSettings } from './settings.js';
export type { VariableInfo, VariableName } from './variables.js';
export {
  CLUSTER_NAME_RE,
  HEARTBEAT_INTERVAL_MS,
  heartbeatTimeoutMs,
  KERNEL_MAX,
  kernelNumberFor,
  NUMERIC_VARIABLES,
  parseKernelNumber,
  thresholdForTimeout,
  VARIABLES,
  variableInfo,
} from './variables.js';
