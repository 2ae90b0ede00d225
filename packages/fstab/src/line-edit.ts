import type { TextEdit } from '@ftkit/core';
import { escapeField } from './cst/escape.js';
import type { EntryLine } from './cst/types.js';

// Line-level option edits, apart from edit.ts (whose addEntry validates with zod) so that the lint
// rules' fixes do not load the schemas.

/** The edit that adds `option` to one entry line (no edit when an option of that name is present). */
export function addOptionToLine(line: EntryLine, option: string): TextEdit[] {
  const name = option.split('=')[0]!;
  const mnt = line.fields[3];
  if (!mnt)
    return [{ start: line.fields[2]!.end, end: line.fields[2]!.end, text: ` ${escapeField(option)}` }];
  const items = mnt.raw.split(',');
  if (items.some((i) => i.split('=')[0] === name)) return [];
  return [{ start: mnt.end, end: mnt.end, text: `,${escapeField(option)}` }];
}

/** The edit that removes every option named `name` from one entry line (`defaults` if none remain). */
export function removeOptionFromLine(line: EntryLine, name: string): TextEdit[] {
  const mnt = line.fields[3];
  if (!mnt) return [];
  const items = mnt.raw.split(',');
  const kept = items.filter((i) => i.split('=')[0] !== name);
  if (kept.length === items.length) return [];
  return [{ start: mnt.start, end: mnt.end, text: kept.length > 0 ? kept.join(',') : 'defaults' }];
}
