import { escapeField } from './cst/escape.js';
import type { FstabEntryData } from './schema.js';

/** Options of {@link emit} and {@link emitData}. */
export interface EmitOptions {
  /** Start with a `# <file system> <mount point> …` header comment aligned with the columns. */
  readonly header?: boolean;
}

const HEADER = ['# <file system>', '<mount point>', '<type>', '<options>', '<dump>', '<pass>'];

/** The six escaped fields of a complete entry (no validation: see `entryFields` for that). */
export function dataFields(e: FstabEntryData): string[] {
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
 * Writes complete entries (every field given, as `parse` returns them or as typed code builds
 * them) as fstab text, like {@link emit} but without run-time validation, so it does not load
 * zod. Fields are escaped with `\040`-style octal escapes, columns aligned, LF line ends.
 */
export function emitData(
  model: { readonly entries: readonly FstabEntryData[] },
  options: EmitOptions = {},
): string {
  const rows = model.entries.map(dataFields);
  if (options.header) rows.unshift(HEADER);
  return alignRows(rows)
    .map((l) => `${l}\n`)
    .join('');
}
