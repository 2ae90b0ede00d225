export type { CodeFrameOptions } from './code-frame.js';
export { codeFrame } from './code-frame.js';
export type {
  Format,
  FormatLintOptions,
  FormatSpec,
  LintInput,
  SettingSpec,
  SettingSpecs,
  SettingsOf,
} from './define-format.js';
export { checkRuleIds, checkSettings, defineFormat, formatNamed } from './define-format.js';
export type {
  Diagnostic,
  DiagnosticInput,
  DiagnosticLimitOptions,
  Fix,
  RelatedLocation,
  Severity,
} from './diagnostic.js';
export {
  capDiagnostics,
  countBySeverity,
  DiagnosticCollector,
  formatDiagnosticLine,
  hasErrors,
  MAX_DIAGNOSTICS,
  makeDiagnostic,
  ParseError,
  sortDiagnostics,
} from './diagnostic.js';
export type { FtkitIssue } from './error.js';
export { FtkitError, formatIssuePath, issuesFromSchema } from './error.js';
export type {
  AnyFormatModule,
  FormatModule,
  FormatResult,
  LintOptions,
  LintResult,
  ParseResult,
} from './format-module.js';
export { LineIndex } from './line-index.js';
export type { ApplyDirectivesOptions, CommentSyntax, Directive, DirectiveKind } from './lint/directives.js';
export { applyDirectives, scanDirectives } from './lint/directives.js';
export type {
  AnyRule,
  Rule,
  RuleConfig,
  RuleContext,
  RuleIdOf,
  RuleLevel,
  RuleMeta,
  RuleRegistry,
  RuleReport,
  RuleSetting,
} from './lint/rule.js';
export { defineRule, defineRules, formatMessage } from './lint/rule.js';
export type { ExampleLintResult, RuleExample } from './lint/rule-docs.js';
export { checkRuleDocs, extractRuleExamples } from './lint/rule-docs.js';
export type { ApplyFixesResult, RunRulesOptions } from './lint/runner.js';
export { applyFixes, fixUntilStable, runRules } from './lint/runner.js';
export { decodeLossless, encodeLossless } from './lossless-text.js';
export { redactDiagnostics, redactReports } from './redact.js';
export { checkstyle } from './reporters/checkstyle.js';
export { github } from './reporters/github.js';
export type { ReporterName } from './reporters/index.js';
export { reporters } from './reporters/index.js';
export type { JsonFinding } from './reporters/json.js';
export { json, toJsonFindings } from './reporters/json.js';
export { junit } from './reporters/junit.js';
export { sarif } from './reporters/sarif.js';
export { stylish } from './reporters/stylish.js';
export type { FileReport, Reporter, ReportOptions, RuleInfo } from './reporters/types.js';
export {
  didYouMean,
  findSecretSpans,
  nearestCandidates,
  REDACTED,
  redactSpans,
  redactText,
  safeRecord,
} from './safe.js';
export type { ScaledNumber, ScaledNumberOptions } from './scaled-number.js';
export { formatBytes, parseScaledNumber, SCALE_SHIFT, SUFFIX_SHIFT } from './scaled-number.js';
export type { ShortenTextOptions } from './shorten-text.js';
export { shortenText } from './shorten-text.js';
export type { SourceReader } from './source-reader.js';
export {
  dirname,
  isInside,
  memoryReader,
  normalizePath,
  resolvePath,
  sysrootReader,
} from './source-reader.js';
export type { Point, Position, Span } from './span.js';
export { joinSpans, sliceSpan, span } from './span.js';
export { escapedByBackslash } from './text.js';
export type { TextEdit } from './text-edit.js';
export {
  applyEdits,
  deleteSpan,
  EditConflictError,
  editsOverlap,
  insertAt,
  replaceSpan,
  sortEdits,
} from './text-edit.js';
