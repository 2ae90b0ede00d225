import { encodeLossless } from '@ftkit/core';
import type { CliIo } from './io.js';

/** Lone surrogates that stand for bytes that are not UTF-8 (see `decodeLossless`). */
const ESCAPED = /[\uDC80-\uDCFF]/;

/**
 * Prints a file's (re-formatted or migrated) text on standard output with the bytes it was read
 * with: a GBK comment comes out as GBK, not as U+FFFD. Plain text goes through `io.stdout`.
 */
export function writeFileText(io: CliIo, text: string): void {
  if (io.stdoutBytes && ESCAPED.test(text)) io.stdoutBytes(encodeLossless(text));
  else io.stdout(text);
}
