/**
 * `@ftkit/fstab/lite`: the whole package except the zod schemas and what validates with them
 * (`emit`, `emitEntry`, `entryFields` and the edits) — parse, print, lint, `formatText`,
 * `emitData` and the option tables. For tools that start often (importing zod costs about 0.1 s
 * of CPU); the main entry re-exports all of it.
 */
export { escapeField, unescapeField } from './cst/escape.js';
export { parseCst } from './cst/parse-cst.js';
export { print } from './cst/print.js';
export type { BlankLine, CommentLine, EntryLine, Field, FstabCst, FstabLine } from './cst/types.js';
export { FIELD_NAMES } from './cst/types.js';
export type { FstabErrorCode } from './diagnostics.js';
export { PARSE_CODES, SOURCE } from './diagnostics.js';
export type { EmitOptions } from './emit-data.js';
export { alignRows, dataFields, emitData } from './emit-data.js';
export type { FstabRuleId } from './format.js';
export { formatText, fstabFormat, lint, rules } from './format.js';
export { addOptionToLine, removeOptionFromLine } from './line-edit.js';
export type { FstabLintDoc, LintEntry } from './lint/doc.js';
export { networkDeviceKind } from './lint/doc.js';
export type { Fstab, FstabEntry, OptionalField } from './model/compose.js';
export { compose, parseFstabNumber } from './model/compose.js';
export type { MountOption, OptionKind, OptionSpec } from './options.js';
export {
  checkOptionValue,
  EXT4_OPTIONS,
  GENERIC_OPTIONS,
  isUserspaceOption,
  KNOWN_FILESYSTEMS,
  OCFS2_OPTIONS,
  optionNames,
  optionSpec,
  parseOptions,
  XFS_OPTIONS,
} from './options.js';
export type { FstabParseResult, ParseOptions } from './parse.js';
export { parse } from './parse.js';
export type { FstabEntryData, FstabEntryInput } from './schema.js';
