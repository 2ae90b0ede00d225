/**
 * Lossless conversion between file bytes and JavaScript strings.
 *
 * Configuration files are not always UTF-8: a drbd.conf may carry a GBK or Latin-1 comment, and
 * drbdadm reads bytes. Decoding with replacement would turn every such byte into U+FFFD, and a
 * rewritten file (`ftkit fmt --write`, `lint --fix`) would lose them. Here each byte that is not
 * part of a well-formed UTF-8 sequence becomes the lone low surrogate U+DC80–U+DCFF (`0xDC00 +
 * byte`, the "surrogateescape" scheme of Python's PEP 383), and {@link encodeLossless} writes it
 * back as that byte. Well-formed UTF-8 never decodes to a lone surrogate, so
 * `encodeLossless(decodeLossless(bytes))` equals `bytes` for every byte sequence, and valid UTF-8
 * text decodes exactly as usual (a byte-order mark is kept as U+FEFF).
 */

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

/** Lone surrogates of escaped bytes (U+DC80–U+DCFF) in a string. */
const ESCAPED = /[\uDC80-\uDCFF]/;

/** Length (2–4) of the well-formed UTF-8 sequence at `i`, or 0 when the byte there starts none. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1];
    if (c1 === undefined) return 0;
    // no overlong forms (E0 80–9F) and no encoded surrogates (ED A0–BF)
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1];
    if (c1 === undefined) return 0;
    // no overlong forms (F0 80–8F) and nothing above U+10FFFF (F4 90–BF)
    if ((c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Decodes file bytes as UTF-8, turning each byte of an ill-formed sequence into U+DC00 + byte
 * instead of U+FFFD, so that {@link encodeLossless} gives the same bytes back. Never throws.
 */
export function decodeLossless(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    // not UTF-8 throughout: decode the well-formed runs, escape every other byte
  }
  const parts: string[] = [];
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (runStart < i) parts.push(strict.decode(bytes.subarray(runStart, i)));
    parts.push(String.fromCharCode(0xdc00 + c));
    i++;
    runStart = i;
  }
  if (runStart < bytes.length) parts.push(strict.decode(bytes.subarray(runStart)));
  return parts.join('');
}

/**
 * Encodes a string as UTF-8, writing each escaped byte (a lone U+DC80–U+DCFF, as made by
 * {@link decodeLossless}) back as the byte itself. Other text encodes as UTF-8 usually does.
 */
export function encodeLossless(text: string): Uint8Array {
  if (!ESCAPED.test(text)) return encoder.encode(text);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let start = 0;
  const push = (u: Uint8Array) => {
    chunks.push(u);
    total += u.length;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc80 || code > 0xdcff) continue;
    // a low surrogate right after a high one is half of a real character, not an escaped byte
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    if (prev >= 0xd800 && prev <= 0xdbff) continue;
    if (start < i) push(encoder.encode(text.slice(start, i)));
    push(Uint8Array.of(code - 0xdc00));
    start = i + 1;
  }
  if (start < text.length) push(encoder.encode(text.slice(start)));
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
