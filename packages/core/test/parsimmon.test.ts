import { describe, expect, it } from 'vitest';
import {
  describeExpected,
  failureToDiagnostic,
  foundAt,
  literal,
  offset,
  P,
  runParser,
  spanned,
  token,
  until,
} from '../src/parsimmon/index.js';

describe('parsimmon helpers', () => {
  const word = token(/[a-z]+/, 'a word');
  const ws = token(/[ \t\n]*/, 'white space');

  it('records offsets with sticky-regexp tokens', () => {
    const p = P.seq(word, ws, word);
    const r = runParser(p, 'abc  def');
    expect(r.ok && r.value[2]).toEqual({ text: 'def', start: 5, end: 8 });
  });

  it('spanned and offset give 0-based offsets, also after newlines', () => {
    const p = P.seq(ws, spanned(word), offset);
    const r = runParser(p, '\n\nxy');
    expect(r.ok && r.value[1]).toEqual({ value: { text: 'xy', start: 2, end: 4 }, start: 2, end: 4 });
    expect(r.ok && r.value[2]).toBe(4);
  });

  it('until consumes up to a stop or to the end', () => {
    expect(runParser(P.seq(until(/;/), literal(';')), 'ab c;')).toMatchObject({ ok: true });
    expect(runParser(until(/;/), 'abc')).toEqual({ ok: true, value: { text: 'abc', start: 0, end: 3 } });
  });

  it('turns a failure into a readable diagnostic', () => {
    const stmt = P.seq(word, ws, P.alt(literal(';'), literal('}')));
    const r = runParser(stmt, 'abc foo');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const d = failureToDiagnostic('abc foo', r);
    expect(d.message).toBe('Expected `;` or `}`, found `foo`');
    expect(d.span).toEqual({ start: 4, end: 7 });
    expect(d.expected).toEqual(['`;`', '`}`']);
  });

  it('says end of file and end of line in plain words', () => {
    expect(describeExpected(['EOF', '`;`', '`{`'])).toBe('`;`, `{`, or end of file');
    expect(foundAt('a', 1)).toMatchObject({ description: 'end of file', span: { start: 1, end: 1 } });
    expect(foundAt('a\n', 1)).toMatchObject({ description: 'end of line', span: { start: 1, end: 1 } });
    const r = runParser(P.seq(word, literal(';')), 'abc');
    expect(!r.ok && failureToDiagnostic('abc', r).message).toBe('Expected `;`, found end of file');
  });
});

describe('runParser and hostile input', () => {
  it('a failure on the text `__proto__` leaves Object.prototype alone', () => {
    const grammar = literal('a');
    for (const text of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
      expect(runParser(grammar, text)).toEqual({ ok: false, offset: 0, expected: ['`a`'] });
    expect(Object.getOwnPropertyNames(Object.prototype).filter((k) => /^\d/.test(k))).toEqual([]);
    expect(Object.keys({})).toEqual([]);
  });
});
