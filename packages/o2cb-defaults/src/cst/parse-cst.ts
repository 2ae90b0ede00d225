import type { AssignmentLine, AssignmentValue, O2cbCst, O2cbLine, RecoveryLine, TextSpan } from './types.js';
import { Fail, PARENS, quoteText, readWord } from './word.js';

// A hand-written line scanner: the format is one statement per line and every line must land
// in exactly one node (including garbage). The value's shell word (quotes, backslashes,
// expansions) is read by the parsimmon grammar of word.ts. Linear in the input.

const NAME_RE = /[A-Za-z_][A-Za-z0-9_]*/y;
const BLANK_RE = /^[ \t]*$/;
const EXPORT_RE = /export[ \t]+/y;

function scanLine(raw: string, start: number, newline: '' | '\n'): O2cbLine {
  const end = start + raw.length;
  const base = { raw, newline, start, end };
  if (BLANK_RE.test(raw)) return { type: 'blank', ...base };
  let i = 0;
  while (raw[i] === ' ' || raw[i] === '\t') i++;
  if (raw[i] === '#') return { type: 'comment', ...base };

  const recover = (f: Fail, name?: TextSpan): RecoveryLine => ({
    type: 'recovery',
    ...base,
    kind: f.kind,
    reason: f.reason,
    problem: f.problem,
    ...(name ? { name } : {}),
    ...(f.fatal ? { fatal: true } : {}),
  });

  let exportKeyword: TextSpan | undefined;
  EXPORT_RE.lastIndex = i;
  const ex = EXPORT_RE.exec(raw);
  if (ex) {
    exportKeyword = { text: 'export', start: start + i, end: start + i + 6 };
    i += ex[0].length;
  }
  NAME_RE.lastIndex = i;
  const nm = NAME_RE.exec(raw);
  if (!nm) {
    const w = firstWord(raw, i);
    // `export` and nothing after it: there is no word to point at (the span stays on the line).
    if (w === '' && exportKeyword) {
      return recover(
        new Fail('unsupported', 'Expected `NAME=value` after `export`', {
          start: exportKeyword.start,
          end: exportKeyword.end,
        }),
      );
    }
    return recover(
      new Fail(
        'unsupported',
        `Unexpected ${quoteText(w || raw.slice(i, i + 1))}; only \`NAME=value\` lines and comments can be read`,
        {
          start: start + i,
          end: Math.min(end, start + i + Math.max(1, w.length)),
        },
      ),
    );
  }
  const name: TextSpan = { text: nm[0], start: start + i, end: start + i + nm[0].length };
  i += nm[0].length;
  if (raw[i] !== '=') {
    let j = i;
    while (raw[j] === ' ' || raw[j] === '\t') j++;
    if (raw[j] === '=' && j > i) {
      return recover(
        new Fail(
          'syntax',
          `Expected \`=\` right after \`${name.text}\`, found a space; the shell runs \`${name.text}\` as a command`,
          {
            start: start + i,
            end: start + j + 1,
          },
        ),
        name,
      );
    }
    return recover(
      new Fail(
        'unsupported',
        exportKeyword
          ? `Expected \`=\` after \`export ${name.text}\`; only \`NAME=value\` lines and comments can be read`
          : `Unexpected command ${quoteText(firstWord(raw, name.start - start))}; only \`NAME=value\` lines and comments can be read`,
        { start: name.start, end: start + Math.max(i, firstWordEnd(raw, name.start - start)) },
      ),
      exportKeyword ? name : undefined,
    );
  }
  i++;
  const valueStart = i;
  const word = readWord(raw, i, start);
  if (word instanceof Fail) return recover(word, name);
  const value: AssignmentValue = {
    text: raw.slice(valueStart, word.end),
    start: start + valueStart,
    end: start + word.end,
    value: word.value,
    quoting: word.quoting,
  };
  i = word.end;
  while (raw[i] === ' ' || raw[i] === '\t') i++;
  let comment: TextSpan | undefined;
  if (i < raw.length) {
    if (raw[i] === '#') {
      comment = { text: raw.slice(i), start: start + i, end };
    } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(raw.slice(i))) {
      return recover(
        new Fail('unsupported', 'Unexpected second assignment on the line; write one assignment per line', {
          start: start + i,
          end,
        }),
        name,
      );
    } else if (PARENS.has(raw[i]!)) {
      // `O2CB_ENABLED=true (comment)`: not a command the shell runs, a syntax error that ends
      // the sourcing (bash) or the whole shell (dash).
      return recover(
        new Fail(
          'syntax',
          `Unexpected ${quoteText(raw[i]!)} after the value: a shell syntax error (write comments after \`#\`)`,
          { start: start + i, end: start + i + 1 },
          true,
        ),
        name,
      );
    } else {
      const w = firstWord(raw, i);
      return recover(
        new Fail(
          'syntax',
          `Unexpected ${quoteText(w)} after the value; the shell runs it as a command and does not set \`${name.text}\` (quote values that contain spaces)`,
          { start: start + i, end: start + i + w.length },
        ),
        name,
      );
    }
  }
  const line: AssignmentLine = {
    type: 'assignment',
    ...base,
    ...(exportKeyword ? { exportKeyword } : {}),
    name,
    value,
    ...(comment ? { comment } : {}),
  };
  return line;
}

function firstWordEnd(raw: string, i: number): number {
  let j = i;
  while (j < raw.length && raw[j] !== ' ' && raw[j] !== '\t') j++;
  return j;
}

function firstWord(raw: string, i: number): string {
  return raw.slice(i, firstWordEnd(raw, i));
}

/**
 * Splits the text into lines and classifies each one. Never throws; every character of the
 * input belongs to exactly one line node, so {@link print} gives the text back unchanged.
 */
export function parseCst(text: string): O2cbCst {
  const lines: O2cbLine[] = [];
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
  markUnclosedQuotes(text, lines);
  return { type: 'document', lines, length: text.length };
}

/**
 * An unterminated quote is a syntax error for the shell only when no later line closes it (a
 * later quote makes it a multi-line value instead). Marks the first such line fatal.
 */
function markUnclosedQuotes(text: string, lines: O2cbLine[]): void {
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.type !== 'recovery' || l.kind !== 'syntax' || l.fatal || !l.reason.startsWith('Unterminated'))
      continue;
    const q = text[l.problem.start] === "'" ? "'" : '"';
    if (text.indexOf(q, l.end) >= 0) continue;
    lines[k] = { ...l, fatal: true };
    return;
  }
}
