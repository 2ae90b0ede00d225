import { unescapeField } from './escape.js';
import type { Field, FstabCst, FstabLine } from './types.js';

// A hand-written line scanner: fstab is one record per line with blank-separated fields, so a
// loop over the line is both simpler and faster than a parser combinator, and it matches
// libmount's reader step by step (blank = space/tab; trailing whitespace incl. CR is dropped).

/** isspace() in the C locale: what libmount strips from the end of a line. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function scanLine(raw: string, start: number, newline: '' | '\n'): FstabLine {
  const end = start + raw.length;
  const base = { raw, newline, start, end };
  // A loop from the end instead of a `/\s+$/` regexp, which backtracks quadratically on long blank runs.
  let stop = raw.length;
  while (stop > 0 && isSpace(raw.charCodeAt(stop - 1))) stop--;
  const content = stop === raw.length ? raw : raw.slice(0, stop);
  let i = 0;
  // charCodeAt keeps the loops on small integers (no one-character strings); 32 space, 9 tab.
  while (i < content.length && (content.charCodeAt(i) === 32 || content.charCodeAt(i) === 9)) i++;
  if (i >= content.length) return { type: 'blank', ...base };
  if (content.charCodeAt(i) === 35) return { type: 'comment', ...base };
  const fields: Field[] = [];
  while (i < content.length) {
    let j = i;
    while (j < content.length) {
      const c = content.charCodeAt(j);
      if (c === 32 || c === 9) break;
      j++;
    }
    const fieldRaw = content.slice(i, j);
    fields.push({ raw: fieldRaw, value: unescapeField(fieldRaw), start: start + i, end: start + j });
    i = j;
    while (i < content.length && (content.charCodeAt(i) === 32 || content.charCodeAt(i) === 9)) i++;
  }
  return { type: 'entry', ...base, fields };
}

/**
 * Splits fstab text into lines and fields. Never throws; every character belongs to exactly one
 * line node, so {@link print} returns the text unchanged.
 */
export function parseCst(text: string): FstabCst {
  const lines: FstabLine[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      lines.push(scanLine(text.slice(start), start, ''));
      break;
    }
    lines.push(scanLine(text.slice(start, nl), start, '\n'));
    start = nl + 1;
  }
  return { type: 'document', lines, length: text.length };
}
