// parsimmon is CommonJS: named ESM imports fail in plain Node, so always take the default export.
import P from 'parsimmon';
import type { DiagnosticInput } from '../diagnostic.js';
import type { Span } from '../span.js';

/** The parsimmon namespace, re-exported so format packages reach parsimmon only through core. */
export { P };
/** A parsimmon parser producing `T`. */
export type Parser<T> = P.Parser<T>;

/** A token with its source text and 0-based offsets (end exclusive). */
export interface Token extends Span {
  readonly text: string;
}

/** A value with the 0-based offsets (end exclusive) of the text that produced it. */
export interface Spanned<T> extends Span {
  readonly value: T;
}

/** The current 0-based offset, consuming nothing. Far cheaper than `P.index` (no line/column work). */
export const offset: Parser<number> = P((_input, i) => P.makeSuccess(i, i));

function toSticky(re: RegExp): RegExp {
  return new RegExp(re.source, `${re.flags.replace(/[gy]/g, '')}y`);
}

/**
 * A token primitive over a sticky regexp: matches `re` exactly at the current offset without
 * slicing the input. `desc` is what error messages say was expected (e.g. "`;`" or
 * "a resource name"). A regexp that can match the empty string must not sit under `many()`.
 */
export function token(re: RegExp, desc: string): Parser<Token> {
  const r = toSticky(re);
  return P((input, i) => {
    r.lastIndex = i;
    const m = r.exec(input);
    if (m === null) return P.makeFailure(i, desc);
    const end = i + m[0].length;
    return P.makeSuccess(end, { text: m[0], start: i, end });
  });
}

/** Like {@link token} but yields only the matched text. */
export function tokenText(re: RegExp, desc: string): Parser<string> {
  const r = toSticky(re);
  return P((input, i) => {
    r.lastIndex = i;
    const m = r.exec(input);
    return m === null ? P.makeFailure(i, desc) : P.makeSuccess(i + m[0].length, m[0]);
  });
}

/** Exactly the string `s` at the current offset; described as `` `s` `` unless `desc` is given. */
export function literal(s: string, desc = `\`${s}\``): Parser<Token> {
  return P((input, i) =>
    input.startsWith(s, i)
      ? P.makeSuccess(i + s.length, { text: s, start: i, end: i + s.length })
      : P.makeFailure(i, desc),
  );
}

/** Wraps a parser so its value carries the offsets of the text it consumed. */
export function spanned<T>(p: Parser<T>): Parser<Spanned<T>> {
  return P.seqMap(offset, p, offset, (start, value, end) => ({ value, start, end }));
}

/**
 * Consumes everything up to (not including) the first match of `stop`, or to the end of input.
 * Always succeeds, possibly with an empty token: the building block of recovery nodes.
 */
export function until(stop: RegExp): Parser<Token> {
  const r = new RegExp(stop.source, `${stop.flags.replace(/[gy]/g, '')}g`);
  return P((input, i) => {
    r.lastIndex = i;
    const m = r.exec(input);
    const end = m === null ? input.length : m.index;
    return P.makeSuccess(end, { text: input.slice(i, end), start: i, end });
  });
}

/** The outcome of {@link runParser}: never an exception. */
export type RunResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly offset: number; readonly expected: readonly string[] };

/** parsimmon's raw result of running a parser at an offset (what `Parser.parse` wraps). */
interface RawReply<T> {
  readonly status: boolean;
  readonly value: T;
  readonly furthest: number;
  readonly expected: string[];
}

/**
 * Runs a parser over the whole text and returns a result instead of throwing. It does not call
 * `Parser.parse`: on a failure that computes a line and column through a cache held in a plain
 * object keyed by the input text, so failing on the text `__proto__` wrote into
 * `Object.prototype` (parsimmon 1.18.1, `makeLineColumnIndex`). Only the offset is needed here.
 */
export function runParser<T>(parser: Parser<T>, text: string): RunResult<T> {
  const whole = parser.skip(P.eof) as unknown as { _(input: string, i: number): RawReply<T> };
  const r = whole._(text, 0);
  return r.status ? { ok: true, value: r.value } : { ok: false, offset: r.furthest, expected: r.expected };
}

/** Turns parsimmon's expectation strings into plain words: `EOF` becomes "end of file". */
export function describeExpected(expected: readonly string[]): string {
  const words = [...new Set(expected.map((e) => (e === 'EOF' ? 'end of file' : e)))];
  // parsimmon sorts alphabetically; keep that (stable output) but put "end of file" last.
  words.sort((a, b) => Number(a === 'end of file') - Number(b === 'end of file'));
  if (words.length <= 1) return words[0] ?? 'something else';
  if (words.length === 2) return `${words[0]} or ${words[1]}`;
  return `${words.slice(0, -1).join(', ')}, or ${words.at(-1)}`;
}

/**
 * The token found at `at` for error messages: the run of non-space characters there (at most
 * 40 characters), or "end of line" / "end of file". `span` covers the found text (zero width
 * at end of file or line).
 */
export function foundAt(
  text: string,
  at: number,
): { readonly description: string; readonly text: string; readonly span: Span } {
  if (at >= text.length)
    return { description: 'end of file', text: '', span: { start: text.length, end: text.length } };
  const c = text[at]!;
  if (c === '\n' || c === '\r') return { description: 'end of line', text: '', span: { start: at, end: at } };
  if (c === ' ' || c === '\t')
    return { description: 'white space', text: c, span: { start: at, end: at + 1 } };
  const m = /[^\s]{1,40}/y;
  m.lastIndex = at;
  const found = m.exec(text)![0];
  return { description: `\`${found}\``, text: found, span: { start: at, end: at + found.length } };
}

/**
 * Builds a `core/unexpected-token` diagnostic (or `code`) ("Expected `;` or `}`, found `foo`") from a failed
 * parse: the span covers the found token (zero width at end of file), and `expected`/`actual`
 * are filled for editors.
 */
export function failureToDiagnostic(
  text: string,
  failure: { readonly offset: number; readonly expected: readonly string[] },
  code = 'core/unexpected-token',
): DiagnosticInput {
  const found = foundAt(text, failure.offset);
  return {
    code,
    severity: 'error',
    message: `Expected ${describeExpected(failure.expected)}, found ${found.description}`,
    span: found.span,
    expected: [...new Set(failure.expected.map((e) => (e === 'EOF' ? 'end of file' : e)))],
    actual: found.text || found.description,
  };
}
