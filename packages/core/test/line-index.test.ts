import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/index.js';

/** Reference implementation: walk the text one character at a time. */
function naivePoint(text: string, offset: number) {
  let line = 1;
  let col = 1;
  for (let i = 0; i < Math.min(offset, text.length); i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      col = 1;
    } else if (c === '\r') {
      // first half of \r\n: the break is counted at the \n
      col++;
    } else col++;
  }
  // an offset on the \n of \r\n sits on the same line as the \r
  return { line, column: col, offset: Math.min(offset, text.length) };
}

describe('LineIndex', () => {
  it('handles the empty text', () => {
    const li = new LineIndex('');
    expect(li.lineCount).toBe(1);
    expect(li.pointAt(0)).toEqual({ line: 1, column: 1, offset: 0 });
    expect(li.pointAt(5)).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it('puts an offset on a newline on the line that newline ends', () => {
    const li = new LineIndex('a\nb');
    expect(li.pointAt(1)).toEqual({ line: 1, column: 2, offset: 1 });
    expect(li.pointAt(2)).toEqual({ line: 2, column: 1, offset: 2 });
  });

  it('treats \\r\\n as one break and a lone \\r as a break', () => {
    const li = new LineIndex('a\r\nb\rc');
    expect(li.lineCount).toBe(3);
    expect(li.pointAt(3)).toEqual({ line: 2, column: 1, offset: 3 });
    expect(li.pointAt(5)).toEqual({ line: 3, column: 1, offset: 5 });
  });

  it('gives the end of the text a point', () => {
    const li = new LineIndex('ab\n');
    expect(li.pointAt(3)).toEqual({ line: 2, column: 1, offset: 3 });
    expect(li.positionOf({ start: 0, end: 3 }).end).toEqual({ line: 2, column: 1, offset: 3 });
  });

  it('maps lines and columns back to offsets and gives LSP coordinates', () => {
    const text = 'one\ntwo\r\nthree';
    const li = new LineIndex(text);
    expect(li.offsetAt(2, 2)).toBe(5);
    expect(li.offsetAt(3, 99)).toBe(text.length);
    expect(li.lspPositionAt(5)).toEqual({ line: 1, character: 1 });
    expect(li.lineSpan(2, text)).toEqual({ start: 4, end: 7 });
  });

  test.prop([fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', ' ', 'é') }), fc.nat()])(
    'agrees with a naive scan',
    (text, n) => {
      const offset = n % (text.length + 1);
      const li = new LineIndex(text);
      const p = li.pointAt(offset);
      expect(p).toEqual(naivePoint(text, offset));
      expect(li.offsetAt(p.line, p.column)).toBe(offset);
    },
  );
});
