import type { Span } from '@ftkit/core';
import { shortenText } from '@ftkit/core';
import type {
  AssignmentLine,
  AssignmentValue,
  O2cbCst,
  O2cbLine,
  Quoting,
  RecoveryKind,
  RecoveryLine,
  TextSpan,
} from './types.js';

// A hand-written line scanner rather than parsimmon: the format is one statement per line,
// every line must land in exactly one node (including garbage), and the shell word rules
// (quotes, backslashes, `#` only at word start) are easier to get exactly right as a loop.
// It is linear in the input and allocates one node per line.

const NAME_RE = /[A-Za-z_][A-Za-z0-9_]*/y;
const BLANK_RE = /^[ \t]*$/;
const EXPORT_RE = /export[ \t]+/y;
/** Characters that end an unquoted word or change the meaning of the line in sh. */
const OPERATORS = new Set([';', '&', '|', '<', '>', '(', ')']);

class Fail {
  readonly kind: RecoveryKind;
  readonly reason: string;
  readonly problem: Span;
  readonly fatal: boolean;
  constructor(kind: RecoveryKind, reason: string, problem: Span, fatal = false) {
    this.kind = kind;
    this.reason = reason;
    this.problem = problem;
    this.fatal = fatal;
  }
}

/** `(` and `)` where sh's grammar has no place for them: a syntax error, not a command. */
const PARENS = new Set(['(', ')']);

function quoteText(s: string): string {
  const shown = shortenText(s);
  return `\`${shown.replace(/`/g, "'")}\``;
}

/** Reads one shell word starting at `i` (inside `raw`, whose first char is at `base`). */
function readWord(
  raw: string,
  i: number,
  base: number,
): { value: string; quoting: Quoting; end: number } | Fail {
  let value = '';
  const kinds: Quoting[] = [];
  const wordStart = i;
  // Whether the previous piece was unquoted text (a `:` there can start a tilde expansion).
  let lastUnquoted = false;
  const note = (q: Quoting) => {
    kinds.push(q);
    if (q !== 'none') lastUnquoted = false;
  };
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === ' ' || c === '\t') break;
    if (c === "'") {
      const close = raw.indexOf("'", i + 1);
      if (close < 0) {
        return new Fail('syntax', 'Unterminated single quote', { start: base + i, end: base + raw.length });
      }
      value += raw.slice(i + 1, close);
      note('single');
      i = close + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let piece = '';
      while (j < raw.length && raw[j] !== '"') {
        const d = raw[j]!;
        if (d === '$' || d === '`') {
          return new Fail('nonliteral', `Unexpected expansion ${quoteText(raw.slice(j, j + 2))} in a value`, {
            start: base + j,
            end: base + j + 1,
          });
        }
        if (d === '\\') {
          const e = raw[j + 1];
          if (e === undefined) {
            return new Fail('unsupported', 'Unexpected line continuation inside quotes', {
              start: base + j,
              end: base + j + 1,
            });
          }
          // Inside double quotes a backslash only escapes $ ` " \ (POSIX 2.2.3).
          piece += e === '$' || e === '`' || e === '"' || e === '\\' ? e : `\\${e}`;
          j += 2;
          continue;
        }
        piece += d;
        j++;
      }
      if (j >= raw.length) {
        return new Fail('syntax', 'Unterminated double quote', { start: base + i, end: base + raw.length });
      }
      value += piece;
      note('double');
      i = j + 1;
      continue;
    }
    if (c === '$' || c === '`') {
      return new Fail('nonliteral', `Unexpected expansion ${quoteText(raw.slice(i, i + 2))} in a value`, {
        start: base + i,
        end: base + i + 1,
      });
    }
    if (c === '\\') {
      const e = raw[i + 1];
      if (e === undefined) {
        return new Fail('unsupported', 'Unexpected line continuation', {
          start: base + i,
          end: base + i + 1,
        });
      }
      value += e;
      note('mixed');
      i += 2;
      continue;
    }
    if (OPERATORS.has(c)) {
      // `NAME=(a b)` is an array in bash (dash refuses it); `NAME=a(b)` is a syntax error in both.
      if (PARENS.has(c) && i > wordStart) {
        return new Fail(
          'syntax',
          `Unexpected ${quoteText(c)}: a shell syntax error`,
          { start: base + i, end: base + i + 1 },
          true,
        );
      }
      return new Fail('unsupported', `Unexpected shell operator ${quoteText(c)}`, {
        start: base + i,
        end: base + i + 1,
      });
    }
    // Unquoted run (a `#` inside a word is literal: only a word-initial `#` starts a comment).
    let j = i + 1;
    while (j < raw.length) {
      const d = raw[j]!;
      if (d === ' ' || d === '\t' || d === "'" || d === '"' || d === '$' || d === '`' || d === '\\') break;
      if (OPERATORS.has(d)) break;
      j++;
    }
    // Tilde expansion happens in assignment values at the start and after every unquoted `:`
    // (POSIX 2.6.1), so `~` there is the home directory of whoever sources the file.
    const run = raw.slice(i, j);
    for (let k = 0; k < run.length; k++) {
      if (
        run[k] === '~' &&
        ((k === 0 && i === wordStart) || (k > 0 ? run[k - 1] === ':' : raw[i - 1] === ':' && lastUnquoted))
      ) {
        return new Fail('nonliteral', 'Unexpected `~` in a value; the shell expands it to a home directory', {
          start: base + i + k,
          end: base + i + k + 1,
        });
      }
    }
    value += run;
    note('none');
    lastUnquoted = true;
    i = j;
  }
  const quoting: Quoting = kinds.every((k) => k === 'none')
    ? 'none'
    : kinds.length === 1
      ? kinds[0]!
      : 'mixed';
  return { value, quoting, end: i };
}

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
