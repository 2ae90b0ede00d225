import type { Span, TextEdit } from '@ftkit/core';
import { diffLines } from 'diff';

/**
 * The edits that turn `before` into `after`, line by line (unchanged lines are not touched, so the
 * editor keeps cursors and folds there). Offsets are 0-based UTF-16 into `before`, end exclusive,
 * sorted and non-overlapping.
 */
export function editsBetween(before: string, after: string): TextEdit[] {
  const edits: TextEdit[] = [];
  let offset = 0;
  for (const part of diffLines(before, after)) {
    if (part.added) {
      const last = edits.at(-1);
      if (last && last.end === offset) edits[edits.length - 1] = { ...last, text: last.text + part.value };
      else edits.push({ start: offset, end: offset, text: part.value });
    } else if (part.removed) {
      edits.push({ start: offset, end: offset + part.value.length, text: '' });
      offset += part.value.length;
    } else offset += part.value.length;
  }
  return edits;
}

/** True when the edit touches `range` (an insertion at either end counts). */
export function touches(edit: Span, range: Span): boolean {
  return edit.start <= range.end && edit.end >= range.start;
}
