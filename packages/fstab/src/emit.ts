import { FtkitError } from '@ftkit/core';
import { escapeField } from './cst/escape.js';
import type { FstabEntryData, FstabEntryInput } from './model/entry.js';
import { completeEntry } from './model/entry.js';

/** Options of {@link emit}. */
export interface EmitOptions {
  /** Start with a `# <file system> <mount point> …` header comment aligned with the columns. */
  readonly header?: boolean;
}

const HEADER = ['# <file system>', '<mount point>', '<type>', '<options>', '<dump>', '<pass>'];

/** The six escaped fields of a complete entry. */
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
 * Writes entries as fstab text: all six fields (options `defaults`, freq and passno `0` when not
 * given), fields escaped with `\040`-style octal escapes, columns aligned, LF line ends. A model
 * from `parse` writes back as the same entries. Throws an `FtkitError` (`fstab/invalid-entry`,
 * `path` such as `['entries', 1, 'file']`) for an entry libmount would not read back: an empty
 * `spec`, `file`, `vfstype` or `mntops`, or a `freq`/`passno` that is not a 32-bit integer.
 */
export function emit(
  model: { readonly entries: readonly FstabEntryInput[] },
  options: EmitOptions = {},
): string {
  if (typeof model !== 'object' || model === null || !Array.isArray(model.entries))
    throw new FtkitError('fstab/invalid-entry', 'Expected `{ entries: [...] }`', { path: ['entries'] });
  const rows = model.entries.map((e, i) => dataFields(completeEntry(e, ['entries', i])));
  if (options.header) rows.unshift(HEADER);
  return alignRows(rows)
    .map((l) => `${l}\n`)
    .join('');
}

/** One entry as a single line (single spaces, no line feed); throws like {@link emit}. */
export function emitEntry(entry: FstabEntryInput): string {
  return dataFields(completeEntry(entry, ['entry'])).join(' ');
}
