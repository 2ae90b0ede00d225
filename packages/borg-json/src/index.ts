/**
 * `@ftkit/borg-json`: what borg prints for programs. `--json` documents (`parse`, `parseCst`,
 * `print`, `emit`), `--json-lines` items and `--log-json` logs (stream readers: `readItems` /
 * `parseItems`, `readLog` / `parseLog`), borg's error table, timestamps and versions. The zod
 * schemas and JSON Schema are in `@ftkit/borg-json/schema`; running borg (argv builders, the
 * prune planner, run verdicts) is `@ftkit/borg`.
 */
export type { BorgDiagnosticCode } from './diagnostics.js';
export type { DocumentCst, DocumentKindInfo, EmitOptions, ParseOptions } from './documents/parse.js';
export { detectDocument, emit, parse, parseCst, print } from './documents/parse.js';
export type {
  ArchiveInfoV1,
  ArchiveInfoV2,
  ArchiveListV1,
  ArchiveListV2,
  BorgDocument,
  BorgMajor,
  CacheV1,
  CacheV2,
  CreateV1,
  CreateV2,
  DocumentKind,
  Encryption,
  ListArchiveV1,
  ListArchiveV2,
  PruneList,
  RepoInfoV1,
  RepoInfoV2,
  Repository,
} from './documents/schema.js';
export type { BorgRuleId } from './format.js';
export { borgJsonFormat, lint, rules } from './format.js';
export { isBorgFloatKey } from './json/float-keys.js';
export type { PyJsonOptions } from './json/py-json.js';
export { pyDumps, pyFloat, pyString } from './json/py-json.js';
export type { BorgLintDoc } from './lint/doc.js';
export { repositoryUnencrypted } from './lint/rules/repository-unencrypted.js';
// versions, timestamps, zones and the error table: the zod-free part @ftkit/borg uses
export * from './primitives.js';
export { borgSecretsInText } from './secrets.js';
export type { BorgTextKind } from './sniff.js';
export { sniffBorgText } from './sniff.js';
export type { BadLinePolicy, BorgItem, ReadItemsOptions } from './stream/items.js';
export { emitItems, emitLine, ITEM_KEY_NAMES, ItemReader, parseItems, readItems } from './stream/items.js';
export type { LineOptions, SourceLine, TextSource } from './stream/lines.js';
export type {
  ArchiveProgress,
  FileStatus,
  LogEvent,
  LogMessage,
  LogObject,
  LogRecord,
  PlainText,
  ProgressMessage,
  ProgressPercent,
  Question,
  ReadLogOptions,
  UnknownLogObject,
} from './stream/log.js';
export { LogReader, logEventObject, parseLog, readLog } from './stream/log.js';
