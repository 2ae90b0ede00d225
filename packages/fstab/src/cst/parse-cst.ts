import { unescapeField } from './escape.js';
import type { Field, FstabCst, FstabLine } from './types.js';

// A hand-written line scanner: fstab is one record per line with blank-separated fields, so a
// loop over the line is both simpler and faster than a parser combinator, and it matches
// libmount's reader step by step (blank = space/tab; trailing whitespace incl. CR is dropped).

const TRAILING_SPACE = /[ \t\n\v\f\r]+$/;

function scanLine(raw: string, start: number, newline: '' | '\n'): FstabLine {
  const end = start + raw.length;
  const base = { raw, newline, start, end };
  const content = raw.replace(TRAILING_SPACE, '');
  let i = 0;
  while (content[i] === ' ' || content[i] === '\t') i++;
  if (i >= content.length) return { type: 'blank', ...base };
  if (content[i] === '#') return { type: 'comment', ...base };
  const fields: Field[] = [];
  while (i < content.length) {
    let j = i;
    while (j < content.length && content[j] !== ' ' && content[j] !== '\t') j++;
    const fieldRaw = content.slice(i, j);
    fields.push({ raw: fieldRaw, value: unescapeField(fieldRaw), start: start + i, end: start + j });
    i = j;
    while (content[i] === ' ' || content[i] === '\t') i++;
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
