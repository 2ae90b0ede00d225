// `@ftkit/fstab`: parse, print, emit, format, edit and lint /etc/fstab, with the mount option
// tables. Loads no zod: the zod schemas and JSON Schema are in `@ftkit/fstab/schema`.
export { escapeField, unescapeField } from './cst/escape.js';
export { parseCst } from './cst/parse-cst.js';
export { print } from './cst/print.js';
export type { BlankLine, CommentLine, EntryLine, Field, FstabCst, FstabLine } from './cst/types.js';
export { FIELD_NAMES } from './cst/types.js';
export type { FstabErrorCode } from './diagnostics.js';
export { PARSE_CODES, SOURCE } from './diagnostics.js';
export type { EditableField } from './edit.js';
export { addEntry, addOption, edit, findEntries, removeEntry, removeOption, setField } from './edit.js';
export type { EmitOptions } from './emit.js';
export { alignRows, emit, emitEntry } from './emit.js';
export type { FstabRuleId } from './format.js';
export { format, fstabFormat, lint, rules } from './format.js';
export { addOptionToLine, removeOptionFromLine } from './line-edit.js';
export type { FstabLintDoc, LintEntry } from './lint/doc.js';
export { networkDeviceKind } from './lint/doc.js';
export type { Fstab, FstabEntry, OptionalField } from './model/compose.js';
export { compose, parseFstabNumber } from './model/compose.js';
export type { FstabEntryData, FstabEntryInput } from './model/entry.js';
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
