import { escapeField } from './cst/escape.js';
import type { FstabEntryInput } from './schema.js';
import { FstabEntrySchema } from './schema.js';

/** Options of {@link emit}. */
export interface EmitOptions {
  /** Start with a `# <file system> <mount point> …` header comment aligned with the columns. */
  readonly header?: boolean;
}

const HEADER = ['# <file system>', '<mount point>', '<type>', '<options>', '<dump>', '<pass>'];

/** The six escaped fields of an entry (defaults filled in). Throws a `ZodError` for invalid input. */
export function entryFields(entry: FstabEntryInput): string[] {
  const e = FstabEntrySchema.parse(entry);
  return [
    escapeField(e.spec),
    escapeField(e.file),
    escapeField(e.vfstype),
    escapeField(e.mntops),
    String(e.freq),
    String(e.passno),
  ];
}

/** Joins rows of fields into lines whose columns line up (at least one space between columns). */
export function alignRows(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const r of rows) {
    r.forEach((f, i) => {
      widths[i] = Math.max(widths[i] ?? 0, f.length);
    });
  }
  return rows.map((r) => r.map((f, i) => (i === r.length - 1 ? f : f.padEnd(widths[i]!, ' '))).join(' '));
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
  const rows = model.entries.map(entryFields);
  if (options.header) rows.unshift(HEADER);
  return alignRows(rows)
    .map((l) => `${l}\n`)
    .join('');
}

/** One entry as a single line (single spaces, no line feed). */
export function emitEntry(entry: FstabEntryInput): string {
  return entryFields(entry).join(' ');
}
