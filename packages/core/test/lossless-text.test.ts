import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { decodeLossless, encodeLossless } from '../src/index.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('lossless text', () => {
  it('keeps a GBK comment byte for byte', () => {
    // "# 中文注释" in GBK: not UTF-8
    const gbk = bytes(0x23, 0x20, 0xd6, 0xd0, 0xce, 0xc4, 0xd7, 0xa2, 0xca, 0xcd, 0x0a);
    const text = decodeLossless(gbk);
    expect(text.startsWith('# ')).toBe(true);
    expect(text).not.toContain('\uFFFD');
    // some GBK pairs happen to be well-formed UTF-8 (D7 A2 is U+05E2); the others are escaped
    expect(text).toMatch(/[\uDC80-\uDCFF]/);
    expect(encodeLossless(text)).toEqual(gbk);
    // an edit elsewhere keeps the bytes
    expect(encodeLossless(`x${text}`)).toEqual(bytes(0x78, ...gbk));
  });

  it('decodes UTF-8 as usual, keeps a BOM, and escapes only ill-formed bytes', () => {
    expect(decodeLossless(new TextEncoder().encode('resource r0 { # 中文 }'))).toBe('resource r0 { # 中文 }');
    expect(decodeLossless(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe('\uFEFFa');
    // overlong, encoded surrogate, above U+10FFFF, truncated sequence
    for (const b of [
      bytes(0xc0, 0xaf),
      bytes(0xed, 0xa0, 0x80),
      bytes(0xf4, 0x90, 0x80, 0x80),
      bytes(0xe4, 0xb8),
    ])
      expect([...decodeLossless(b)].map((c) => c.charCodeAt(0))).toEqual([...b].map((x) => 0xdc00 + x));
    expect(decodeLossless(bytes(0x61, 0xff, 0xf0, 0x9f, 0x98, 0x80))).toBe('a\uDCFF😀');
  });

  it('encodes strings without escaped bytes as UTF-8, astral characters included', () => {
    for (const s of ['', 'abc', '中文', '😀', '\u{10080}x'])
      expect(encodeLossless(s)).toEqual(new TextEncoder().encode(s));
  });

  test.prop([fc.uint8Array({ maxLength: 200 })])('every byte sequence survives decode then encode', (b) => {
    expect(encodeLossless(decodeLossless(b))).toEqual(b);
  });

  test.prop([fc.string({ unit: 'grapheme', maxLength: 100 })])(
    'well-formed text survives encode then decode',
    (s) => {
      expect(decodeLossless(encodeLossless(s))).toBe(s);
    },
  );
});
