export type { EditableField } from './edit.js';
export {
  addEntry,
  addOption,
  edit,
  findEntries,
  removeEntry,
  removeOption,
  setField,
} from './edit.js';
export { emit, emitEntry, entryFields } from './emit.js';
export * from './lite.js';
export { FstabEntrySchema, FstabSchema, fstabJsonSchema } from './schema.js';
