import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { applyEdits, EditConflictError, insertAt } from '../src/index.js';

describe('applyEdits', () => {
  it('applies edits given in any order', () => {
    expect(
      applyEdits('hello world', [
        { start: 6, end: 11, text: 'there' },
        { start: 0, end: 5, text: 'HI' },
      ]),
    ).toBe('HI there');
  });

  it('keeps the given order of insertions at one offset', () => {
    expect(applyEdits('ac', [insertAt(1, 'b'), insertAt(1, 'B')])).toBe('abBc');
  });

  it('allows an insertion at the boundary of a replacement', () => {
    expect(applyEdits('abc', [{ start: 1, end: 2, text: 'X' }, insertAt(2, '!')])).toBe('aX!c');
  });

  it('rejects overlapping edits with a message naming both', () => {
    expect(() =>
      applyEdits('abcdef', [
        { start: 0, end: 3, text: '' },
        { start: 2, end: 4, text: '' },
      ]),
    ).toThrow(/overlap: \[0, 3\) and \[2, 4\)/);
    expect(() => applyEdits('abc', [{ start: 0, end: 3, text: '' }, insertAt(1, 'x')])).toThrow(
      EditConflictError,
    );
  });

  it('rejects edits outside the text', () => {
    expect(() => applyEdits('abc', [{ start: 2, end: 9, text: '' }])).toThrow(/outside the text/);
  });

  // Non-overlapping edits built from cut points: the result equals rebuilding the pieces by hand.
  test.prop([
    fc.string(),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 4 })), { maxLength: 8 }),
  ])('equals splicing the pieces in order', (text, raw) => {
    const cuts = [...new Set(raw.flatMap(([a, b]) => [a % (text.length + 1), b % (text.length + 1)]))].sort(
      (x, y) => x - y,
    );
    const edits = [];
    for (let i = 0; i + 1 < cuts.length; i += 2)
      edits.push({ start: cuts[i]!, end: cuts[i + 1]!, text: raw[i >> 1]![2] });
    let expected = '';
    let pos = 0;
    for (const e of edits) {
      expected += text.slice(pos, e.start) + e.text;
      pos = e.end;
    }
    expected += text.slice(pos);
    expect(applyEdits(text, [...edits].reverse())).toBe(expected);
  });
});
