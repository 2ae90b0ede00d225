/**
 * A replacement of `[start, end)` (0-based UTF-16 offsets into the original text, end exclusive)
 * by `text`. An insertion has `start === end`; a deletion has `text === ''`.
 */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Thrown by {@link applyEdits} when two edits touch the same characters or an edit is out of range. */
export class EditConflictError extends Error {
  override readonly name = 'EditConflictError';
}

/**
 * Applies edits made against `text` and returns the new text. Edits are sorted by offset first
 * (insertions at the same offset keep their given order); overlapping edits, or edits outside
 * `[0, text.length]`, throw an {@link EditConflictError} naming both. Two insertions at one offset,
 * or an insertion at the boundary of a replacement, do not overlap.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = sortEdits(edits);
  let out = '';
  let pos = 0;
  let prev: TextEdit | undefined;
  for (const e of sorted) {
    if (!(e.start >= 0 && e.end >= e.start && e.end <= text.length)) {
      throw new EditConflictError(`Edit [${e.start}, ${e.end}) is outside the text (length ${text.length})`);
    }
    if (e.start < pos) {
      throw new EditConflictError(
        `Edits overlap: [${prev?.start}, ${prev?.end}) and [${e.start}, ${e.end}) both change offset ${e.start}`,
      );
    }
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
    prev = e;
  }
  return out + text.slice(pos);
}

/** Sorts edits by start, then end; stable so insertions at one offset keep their order. */
export function sortEdits(edits: readonly TextEdit[]): TextEdit[] {
  return edits
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => a.start - b.start || a.end - b.end || i - j)
    .map(([e]) => e);
}

/** True when the two edits cannot both apply: they share a character, or an insertion falls strictly inside a replacement. */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  return a.start < b.end && b.start < a.end;
}

/** An insertion of `text` at `offset`. */
export function insertAt(offset: number, text: string): TextEdit {
  return { start: offset, end: offset, text };
}

/** Replaces the characters of a span. */
export function replaceSpan(s: { start: number; end: number }, text: string): TextEdit {
  return { start: s.start, end: s.end, text };
}

/** Deletes the characters of a span. */
export function deleteSpan(s: { start: number; end: number }): TextEdit {
  return { start: s.start, end: s.end, text: '' };
}
