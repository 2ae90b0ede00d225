import { dataFields, type EmitOptions, emitData } from './emit-data.js';
import type { FstabEntryInput } from './schema.js';
import { FstabEntrySchema } from './schema.js';

/** The six escaped fields of an entry (defaults filled in). Throws a `ZodError` for invalid input. */
export function entryFields(entry: FstabEntryInput): string[] {
  return dataFields(FstabEntrySchema.parse(entry));
}

/**
 * Writes entries as fstab text: all six fields (options `defaults`, freq and passno `0` when not
 * given), fields escaped with `\040`-style octal escapes, columns aligned, LF line ends.
 * Throws a `ZodError` when an entry is invalid (for example an empty mount point): emit is for
 * data built in code.
 */
export function emit(
  model: { readonly entries: readonly FstabEntryInput[] },
  options: EmitOptions = {},
): string {
  return emitData({ entries: model.entries.map((e) => FstabEntrySchema.parse(e)) }, options);
}

/** One entry as a single line (single spaces, no line feed). */
export function emitEntry(entry: FstabEntryInput): string {
  return entryFields(entry).join(' ');
}
