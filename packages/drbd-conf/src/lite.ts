/**
 * `@ftkit/drbd-conf/lite`: the whole package except the zod schemas and the `drbd` builders that
 * validate with them — parse, print, lint, format, dump, migrate, edits, emit and the model
 * constructors (`resourceModel`, `configModel`, `optionModel`). For tools that start often
 * (importing zod costs about 0.1 s of CPU); the main entry re-exports all of it. It is the `/read`
 * entry plus what writes and checks files.
 */

export { drbdConfFormat, lint, rules } from './descriptor.js';
export {
  addHost,
  addVolume,
  deleteStatement,
  EditError,
  type EditTarget,
  edit,
  indentUnit,
  insertBeforeClose,
  removeHost,
  removeOption,
  setOption,
} from './edit.js';
export type { EmitFilesOptions, EmitOptions } from './emit.js';
export { emit, emitFiles, quote, quoteValue } from './emit.js';
export type { FormatOptions } from './format.js';
export { format, reindent } from './format.js';
export type { DrbdLintDoc, SectionPlace } from './lint/context.js';
export { effective, optionValue } from './lint/context.js';
export type { DrbdLintOptions, DrbdRuleId, DrbdSettings } from './lint/index.js';
export { drbdSettings } from './lint/index.js';
export type { ConfigInput, HostInput, OptionInput, ResourceInput, VolumeInput } from './model/build.js';
export { configModel, optionModel, parseAddress, resourceModel } from './model/build.js';
export type { EffectiveHost, EffectiveOption } from './model/effective.js';
export { effectiveHost } from './model/effective.js';
export { localHosts, nameMatches } from './model/hosts.js';
export {
  GLOBAL_KEYWORDS,
  HOST_KEYWORDS,
  RESOURCE_KEYWORDS,
  SECTION_KEYWORDS,
  TOP_KEYWORDS,
} from './model/keywords.js';
export { addressHash, implicitNodeIds } from './model/node-id.js';
export type { OptionSpec, OptionType, Scale, SectionKind } from './model/options.js';
export { OPTION_TABLES, optionSpec, scaledValue, sectionsKnowing } from './model/options.js';
export * from './read.js';
export type { SpanRef } from './schema.js';
