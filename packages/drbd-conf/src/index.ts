/**
 * `@ftkit/drbd-conf`: read, check, print, lint, format, edit, migrate and write drbd.conf files
 * (DRBD 9, 8.4 and 8.3) without loading zod. The zod schemas, the JSON Schema and the validating
 * `drbd` builders are in `@ftkit/drbd-conf/schema`.
 *
 * Every export is listed here, one name per concept; the modules behind it are not public.
 */

// Reading: lossless CST, model, every drbdadm check.
export { MAX_INCLUDE_DEPTH } from './compose/context.js';
export type { Token, TokenKind } from './cst/lexer.js';
export { parseCst, print } from './cst/parse-cst.js';
export type { BlockNode, DocumentNode, ItemNode, StatementNode, StrayNode, TriviaNode } from './cst/types.js';
// Lint: the descriptor, its rules and settings, and what custom rules read.
export { drbdConfFormat, lint, rules } from './descriptor.js';
export type { DrbdVersionGuess } from './detect-version.js';
export { detectDrbdVersion } from './detect-version.js';
export type { DrbdCode } from './diagnostics.js';
export { CODES } from './diagnostics.js';
// Writing: canonical text, dump as drbdadm prints it, re-indenting, text edits, migration.
export type { DumpOptions, DumpTextOptions } from './dump/dump.js';
export { dump } from './dump/dump.js';
export type { EditTarget } from './edit.js';
export { edit } from './edit.js';
export type { EmitFilesOptions, EmitOptions } from './emit.js';
export { emit, emitFiles } from './emit.js';
export type { FormatOptions } from './format.js';
export { format } from './format.js';
export type { DrbdLintDoc, SectionPlace } from './lint/context.js';
export { effective, optionValue } from './lint/context.js';
export type { DrbdLintOptions, DrbdRuleId, DrbdSettings } from './lint/index.js';
export type { MigrateResult } from './migrate.js';
export { migrate } from './migrate.js';
// What drbdadm works out: option tables per version, effective values, node-ids.
export type { EffectiveHost, EffectiveOption } from './model/effective.js';
export { effectiveHost } from './model/effective.js';
// The statements each block accepts, per version (for editors and generators that offer them).
export type { BlockKind } from './model/keywords.js';
export { BLOCK_KEYWORDS } from './model/keywords.js';
export { effectiveNodeIds } from './model/node-id.js';
export type { DrbdVersion, OptionSpec, OptionType, Scale, SectionKind } from './model/options.js';
export { OPTION_TABLES, optionSpec, scaledValue } from './model/options.js';
export type { DrbdParseResult, ParseOptions } from './parse.js';
export { parse } from './parse.js';
// The model (types only: the zod schemas that describe them are in `./schema`).
export type {
  DrbdAddress,
  DrbdCommon,
  DrbdConfig,
  DrbdConnection,
  DrbdDevice,
  DrbdEndpoint,
  DrbdGlobal,
  DrbdHost,
  DrbdInclude,
  DrbdMesh,
  DrbdMetaDisk,
  DrbdOption,
  DrbdPath,
  DrbdProxyHost,
  DrbdResource,
  DrbdSection,
  DrbdVolume,
  SpanRef,
} from './schema.js';
export { collectSecrets, secretsInText } from './secrets.js';
