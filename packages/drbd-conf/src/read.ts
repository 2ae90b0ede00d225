/**
 * `@ftkit/drbd-conf/read`: reading drbd.conf without zod. Parse (CST, model and every drbdadm
 * check), print, `dump` as drbdadm prints it, 8.4 → 9 migration and secret collection, for tools
 * that start often and only read (`ftkit drbd dump` loads this entry: importing zod costs about
 * 0.1 s of CPU). Everything here is also exported by the main entry, which adds the zod schemas,
 * builders, emit, edits and lint.
 */

export { MAX_INCLUDE_DEPTH } from './compose/context.js';
export type { Token, TokenKind } from './cst/lexer.js';
export { isTrivia, lex, unquote } from './cst/lexer.js';
export { parseCst, print, tokensOf } from './cst/parse-cst.js';
export type { BlockNode, DocumentNode, ItemNode, StatementNode, StrayNode, TriviaNode } from './cst/types.js';
export type { DrbdVersionGuess } from './detect-version.js';
export { detectDrbdVersion } from './detect-version.js';
export type { DrbdCode } from './diagnostics.js';
export { CODE_DOCS, CODES } from './diagnostics.js';
export type { DumpOptions, DumpTextOptions } from './dump/dump.js';
export { dump, dumpQuote } from './dump/dump.js';
export type { MigrateResult } from './migrate.js';
export { migrate } from './migrate.js';
export { effectiveNodeIds } from './model/node-id.js';
export type { DrbdVersion } from './model/options.js';
export type { DrbdParseResult, ParseOptions } from './parse.js';
export { parse } from './parse.js';
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
} from './schema.js';
export { collectSecrets, secretsInText } from './secrets.js';
