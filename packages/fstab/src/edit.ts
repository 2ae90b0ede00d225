import type { TextEdit } from '@ftkit/core';
import { FtkitError } from '@ftkit/core';
import { escapeField } from './cst/escape.js';
import { parseCst } from './cst/parse-cst.js';
import type { EntryLine } from './cst/types.js';
import { dataFields } from './emit.js';
import { addOptionToLine, removeOptionFromLine } from './line-edit.js';
import { entryProblem } from './model/compose.js';
import type { FstabEntryInput } from './model/entry.js';
import { completeEntry } from './model/entry.js';

/** The usable entry lines whose mount point (decoded `fs_file`) is `mountPoint`. */
export function findEntries(text: string, mountPoint: string): EntryLine[] {
  return parseCst(text).lines.filter(
    (l): l is EntryLine =>
      l.type === 'entry' && entryProblem(l) === undefined && l.fields[1]!.value === mountPoint,
  );
}

/** The entry lines at `mountPoint`; throws `fstab/no-entry` when there is none. */
function entriesAt(text: string, mountPoint: string): EntryLine[] {
  const found = findEntries(text, mountPoint);
  if (found.length === 0)
    throw new FtkitError('fstab/no-entry', `No usable entry mounts at \`${mountPoint}\``, {
      path: ['mountPoint'],
    });
  return found;
}

/**
 * Appends an entry (options `defaults`, freq and passno `0` when not given). Throws an
 * `FtkitError` (`fstab/invalid-entry`, `path` such as `['entry', 'file']`) for an entry libmount
 * would not read back. Its columns line up with the last entry line of the file when there is one
 * (each field starts where that line's field starts, or one space after the previous field).
 */
export function addEntry(text: string, entry: FstabEntryInput): TextEdit[] {
  const fields = dataFields(completeEntry(entry, ['entry']));
  const lines = parseCst(text).lines.filter((l): l is EntryLine => l.type === 'entry');
  const ref = lines[lines.length - 1];
  let line = '';
  fields.forEach((f, i) => {
    if (i > 0) {
      const col = ref?.fields[i] ? ref.fields[i]!.start - ref.start : 0;
      line += ' '.repeat(Math.max(1, col - line.length));
    }
    line += f;
  });
  const sep = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
  return [{ start: text.length, end: text.length, text: `${sep}${line}\n` }];
}

/**
 * Deletes every entry line mounting at `mountPoint` (line feed included). Throws an `FtkitError`
 * (`fstab/no-entry`, `path` `['mountPoint']`) when no usable entry mounts there.
 */
export function removeEntry(text: string, mountPoint: string): TextEdit[] {
  return entriesAt(text, mountPoint).map((l) => ({
    start: l.start,
    end: l.end + l.newline.length,
    text: '',
  }));
}

/**
 * Adds `option` (`name` or `name=value`) to the entries at `mountPoint`; no edit for an entry
 * that already has an option of that name. Throws an `FtkitError` (`fstab/no-entry`) when no
 * usable entry mounts at `mountPoint`.
 */
export function addOption(text: string, mountPoint: string, option: string): TextEdit[] {
  return entriesAt(text, mountPoint).flatMap((l) => addOptionToLine(l, option));
}

/**
 * Removes every option named `name` from the entries at `mountPoint` (`defaults` when none
 * remain); no edit for an entry without it. Throws an `FtkitError` (`fstab/no-entry`) when no
 * usable entry mounts at `mountPoint`.
 */
export function removeOption(text: string, mountPoint: string, name: string): TextEdit[] {
  return entriesAt(text, mountPoint).flatMap((l) => removeOptionFromLine(l, name));
}

/** A settable field. */
export type EditableField = 'spec' | 'file' | 'vfstype' | 'mntops' | 'freq' | 'passno';
const INDEX: Record<EditableField, number> = { spec: 0, file: 1, vfstype: 2, mntops: 3, freq: 4, passno: 5 };
const DEFAULTS = ['', '', '', 'defaults', '0', '0'];

/**
 * Sets one field of the entries at `mountPoint` (value decoded; it is escaped here). Missing
 * trailing fields before it are filled with their defaults. Only that field's bytes change.
 * Throws an `FtkitError`: `fstab/no-entry` when no usable entry mounts at `mountPoint`,
 * `fstab/invalid-field` for an unknown `field`.
 */
export function setField(
  text: string,
  mountPoint: string,
  field: EditableField,
  value: string | number,
): TextEdit[] {
  if (!Object.hasOwn(INDEX, field))
    throw new FtkitError(
      'fstab/invalid-field',
      `Unknown field \`${String(field)}\` (known: ${Object.keys(INDEX).join(', ')})`,
      {
        path: ['field'],
      },
    );
  const i = INDEX[field];
  const v = escapeField(String(value));
  return entriesAt(text, mountPoint).map((l) => {
    const f = l.fields[i];
    if (f) return { start: f.start, end: f.end, text: v };
    const last = l.fields[l.fields.length - 1]!;
    const fill = DEFAULTS.slice(l.fields.length, i)
      .map((d) => ` ${d}`)
      .join('');
    return { start: last.end, end: last.end, text: `${fill} ${v}` };
  });
}

/** The edit helpers, grouped. */
export const edit = {
  addEntry,
  removeEntry,
  addOption,
  removeOption,
  setField,
} as const;
