import { shortenText } from '@ftkit/core';
import type { Quoting } from '../src/cst/types.js';
import { Fail } from '../src/cst/word.js';

// The hand-written loop the parsimmon grammar of src/cst/word.ts replaced, kept verbatim as the
// differential oracle: every line must give the same word, or the same problem and span.
const OPERATORS = new Set([';', '&', '|', '<', '>', '(', ')']);
const PARENS = new Set(['(', ')']);
function quoteText(s: string): string {
  const shown = shortenText(s);
  return `\`${shown.replace(/`/g, "'")}\``;
}
export function oldReadWord(
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
