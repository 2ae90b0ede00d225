import type { Span } from '@ftkit/core';
import { shortenText } from '@ftkit/core';
import { literal, offset, P, type Parser, tokenText } from '@ftkit/core/parsimmon';
import type { Quoting, RecoveryKind } from './types.js';

// The shell word of an assignment value, as a parsimmon grammar over one line: a word is a run
// of pieces (single-quoted, double-quoted, a backslash escape, or unquoted text) up to a blank.
// A piece that sh would expand or refuse is read as a `Fail` value that ends the word, so the
// grammar itself never fails and the line scanner (parse-cst.ts) turns the `Fail` into a
// recovery node with our code, message and span. parsimmon's own positions are never shown.

/** Why a line cannot be read, with the span of the problem. */
export class Fail {
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
export const PARENS = new Set(['(', ')']);

/** A text for messages: shortened, in backticks. */
export function quoteText(s: string): string {
  const shown = shortenText(s);
  return `\`${shown.replace(/`/g, "'")}\``;
}

/** One piece of a word: its value, how it was quoted, and its offsets in the line. */
interface Piece {
  readonly value: string;
  readonly quoting: Quoting;
  readonly start: number;
  readonly end: number;
}

/** A shell operator (`;`, `(` …) at `at`: it ends the word. */
interface Operator {
  readonly operator: string;
  readonly at: number;
}

/** The pieces of the word at the start of the text; spans are offsets in that text. */
const wordGrammar: Parser<Array<Piece | Fail | Operator>> = (() => {
  const span = (start: number, end: number): Span => ({ start, end });
  const expansion = (raw: string, at: number) =>
    new Fail(
      'nonliteral',
      `Unexpected expansion ${quoteText(raw.slice(at, at + 2))} in a value`,
      span(at, at + 1),
    );

  // 'text': no escapes at all; unterminated runs to the end of the line.
  const single: Parser<Piece | Fail> = P.seqMap(
    offset,
    literal("'"),
    tokenText(/[^']*/, 'text'),
    literal("'").or(P.succeed(null)),
    offset,
    (start, _open, text, close, end) =>
      close === null
        ? new Fail('syntax', 'Unterminated single quote', span(start, end))
        : { value: text, quoting: 'single' as const, start, end },
  );

  // "text": a backslash escapes only $ ` " \ (POSIX 2.2.3); $ and ` expand.
  const dqPart: Parser<string | Fail> = P.alt(
    tokenText(/[^"\\$`]+/, 'text'),
    P.seqMap(offset, literal('\\'), tokenText(/[\s\S]/, 'a character').or(P.succeed(null)), (at, _b, e) =>
      e === null
        ? new Fail('unsupported', 'Unexpected line continuation inside quotes', span(at, at + 1))
        : e === '$' || e === '`' || e === '"' || e === '\\'
          ? e
          : `\\${e}`,
    ),
    P.seqMap(
      offset,
      tokenText(/[$`]/, 'an expansion'),
      P((input, i) => P.makeSuccess(i, input)),
      (at, _c, raw) => expansion(raw, at),
    ),
  );
  // many() rather than recursion: a hostile line of a million escapes must not overflow the
  // stack. Parts after a `Fail` are read and dropped.
  const dqParts: Parser<string | Fail> = dqPart.many().map((parts) => {
    let text = '';
    for (const p of parts) {
      if (p instanceof Fail) return p;
      text += p;
    }
    return text;
  });
  const double: Parser<Piece | Fail> = P.seqMap(
    offset,
    literal('"'),
    dqParts,
    offset,
    literal('"').or(P.succeed(null)),
    offset,
    (start, _open, body, bodyEnd, close, end) =>
      body instanceof Fail
        ? body
        : close === null
          ? new Fail('syntax', 'Unterminated double quote', span(start, bodyEnd))
          : { value: body, quoting: 'double' as const, start, end },
  );

  // \c outside quotes: the character itself; a final backslash continues the line.
  const escaped: Parser<Piece | Fail> = P.seqMap(
    offset,
    literal('\\'),
    tokenText(/[\s\S]/, 'a character').or(P.succeed(null)),
    offset,
    (start, _b, e, end) =>
      e === null
        ? new Fail('unsupported', 'Unexpected line continuation', span(start, start + 1))
        : { value: e, quoting: 'mixed' as const, start, end },
  );

  const bareExpansion: Parser<Fail> = P.seqMap(
    offset,
    tokenText(/[$`]/, 'an expansion'),
    P((input, i) => P.makeSuccess(i, input)),
    (at, _c, raw) => expansion(raw, at),
  );

  // An operator ends the word with a problem; which one depends on where the word started, so
  // readWord decides (`Operator`).
  const operator: Parser<Operator> = P.seqMap(offset, tokenText(/[;&|<>()]/, 'an operator'), (at, c) => ({
    operator: c,
    at,
  }));

  // Unquoted text (a `#` inside a word is literal: only a word-initial `#` starts a comment).
  const unquoted: Parser<Piece> = P.seqMap(
    offset,
    tokenText(/[^ \t'"$`\\;&|<>()]+/, 'text'),
    offset,
    (start, value, end) => ({ value, quoting: 'none' as const, start, end }),
  );

  // Each alternative starts with its own characters, so the order only sets speed: the common
  // pieces first. Pieces after a `Fail` or an operator are read and dropped by readWord.
  return P.alt<Piece | Fail | Operator>(unquoted, double, single, escaped, bareExpansion, operator)
    .many()
    .skip(P.all);
})();

/**
 * Tilde expansion happens in assignment values at the start and after every unquoted `:`
 * (POSIX 2.6.1), so `~` there is the home directory of whoever sources the file.
 */
function tildeProblem(raw: string, pieces: readonly Piece[], wordStart: number): Fail | undefined {
  let lastUnquoted = false;
  for (const p of pieces) {
    if (p.quoting === 'none') {
      for (let k = 0; k < p.value.length; k++) {
        if (
          p.value[k] === '~' &&
          ((k === 0 && p.start === wordStart) ||
            (k > 0 ? p.value[k - 1] === ':' : raw[p.start - 1] === ':' && lastUnquoted))
        ) {
          return new Fail(
            'nonliteral',
            'Unexpected `~` in a value; the shell expands it to a home directory',
            {
              start: p.start + k,
              end: p.start + k + 1,
            },
          );
        }
      }
      lastUnquoted = true;
    } else {
      lastUnquoted = false;
    }
  }
  return undefined;
}

/** `f` with its span moved by `by`. */
const moved = (f: Fail, by: number): Fail =>
  new Fail(f.kind, f.reason, { start: by + f.problem.start, end: by + f.problem.end }, f.fatal);

/** Reads one shell word starting at `i` (inside `raw`, whose first char is at `base`). */
export function readWord(
  raw: string,
  i: number,
  base: number,
): { value: string; quoting: Quoting; end: number } | Fail {
  const r = wordGrammar.parse(i === 0 ? raw : raw.slice(i));
  // The grammar cannot fail: every character starts a piece or ends the word.
  const found = r.status ? r.value : [];
  const pieces: Piece[] = [];
  for (const p of found) {
    if ('operator' in p) {
      // `NAME=(a b)` is an array in bash (dash refuses it); `NAME=a(b)` is a syntax error in both.
      const at = i + p.at;
      const problem =
        PARENS.has(p.operator) && p.at > 0
          ? new Fail(
              'syntax',
              `Unexpected ${quoteText(p.operator)}: a shell syntax error`,
              { start: at, end: at + 1 },
              true,
            )
          : new Fail('unsupported', `Unexpected shell operator ${quoteText(p.operator)}`, {
              start: at,
              end: at + 1,
            });
      return moved(tildeProblem(raw, pieces, i) ?? problem, base);
    }
    if (p instanceof Fail) {
      // sh reads left to right: a `~` in an earlier piece is the first problem.
      return moved(tildeProblem(raw, pieces, i) ?? moved(p, i), base);
    }
    pieces.push(i === 0 ? p : { ...p, start: p.start + i, end: p.end + i });
  }
  const tilde = tildeProblem(raw, pieces, i);
  if (tilde) return moved(tilde, base);
  const quoting: Quoting = pieces.every((p) => p.quoting === 'none')
    ? 'none'
    : pieces.length === 1
      ? pieces[0]!.quoting
      : 'mixed';
  return { value: pieces.map((p) => p.value).join(''), quoting, end: pieces.at(-1)?.end ?? i };
}
