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
export { borgJsonFormat } from './format.js';
export type { BorgLintDoc } from './lint/doc.js';
export { lint, rules } from './lint/index.js';
export { repositoryUnencrypted } from './lint/rules/repository-unencrypted.js';
export * from './lite.js';
export { BorgItemSchema } from './stream/item-schema.js';
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
export {
  ArchiveProgressSchema,
  FileStatusSchema,
  LogMessageSchema,
  LogObjectSchema,
  LogReader,
  ProgressMessageSchema,
  ProgressPercentSchema,
  parseLog,
  QuestionSchema,
  readLog,
} from './stream/log.js';
