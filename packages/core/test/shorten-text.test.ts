import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortenText } from '../src/index.js';

describe('shortenText', () => {
  it('keeps text up to max and cuts longer text after max code units', () => {
    expect(shortenText('a'.repeat(40))).toBe('a'.repeat(40));
    expect(shortenText('a'.repeat(41))).toBe(`${'a'.repeat(40)}…`);
    expect(shortenText('abcdef', { max: 3 })).toBe('abc…');
  });

  it('keeps fewer units and writes another ellipsis when asked', () => {
    // borg-json's style: at most 40 characters in all, the cut marked with three dots.
    expect(shortenText('x'.repeat(40), { keep: 37, ellipsis: '...' })).toBe('x'.repeat(40));
    expect(shortenText('x'.repeat(41), { keep: 37, ellipsis: '...' })).toBe(`${'x'.repeat(37)}...`);
  });

  it('never leaves half a surrogate pair at the cut', () => {
    const text = `${'a'.repeat(39)}😀tail`;
    // The old copies cut at 40 code units and ended the message with a lone `\ud83d`.
    expect(text.slice(0, 40).endsWith('\ud83d')).toBe(true);
    expect(shortenText(text)).toBe(`${'a'.repeat(39)}…`);
    expect(shortenText(`${'a'.repeat(38)}😀tail`)).toBe(`${'a'.repeat(38)}😀…`);
  });

  it('returns a prefix plus the ellipsis, never longer than keep + ellipsis, well-formed', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        fc.integer({ min: 0, max: 60 }),
        (s, max) => {
          const out = shortenText(s, { max });
          if (s.length <= max) return out === s;
          const body = out.slice(0, -1);
          return (
            out.endsWith('…') && s.startsWith(body) && body.length <= max && !/[\ud800-\udbff]$/.test(body)
          );
        },
      ),
    );
  });

  it('spells control characters out as \\xNN after the cut with escapeControls', () => {
    expect(shortenText('a\x1b[31mb\tc\x7f', { escapeControls: true })).toBe('a\\x1b[31mb\\x09c\\x7f');
    expect(shortenText('\r\n', { escapeControls: true })).toBe('\\x0d\\x0a');
    expect(shortenText(`${'x'.repeat(39)}\x00\x00`, { escapeControls: true })).toBe(
      `${'x'.repeat(39)}\\x00…`,
    );
    expect(shortenText('a\tb')).toBe('a\tb');
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        (s) => !/[\x00-\x1f\x7f]/.test(shortenText(s, { escapeControls: true })),
      ),
    );
  });
});
