import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { cpuGrowth } from '../../../test-support/timing.js';
import { lex } from '../src/cst/lexer.js';
import { tokensOf } from '../src/cst/parse-cst.js';
import { type BlockNode, type DocumentNode, parse, parseCst, print } from '../src/index.js';

const dir = join(import.meta.dirname, 'fixtures/corpus');
const corpus = readdirSync(dir)
  .filter((f) => f.endsWith('.res'))
  .map((f) => readFileSync(join(dir, f), 'utf8'));

// Pieces of real syntax, so random strings look enough like drbd.conf to reach deep code paths.
const piece = fc.constantFrom(
  'resource',
  'r0',
  'on',
  'alice',
  '{',
  '}',
  ';',
  ' ',
  '\n',
  '\t',
  '#c\n',
  '"q"',
  '"unterminated',
  'net',
  'protocol',
  'C',
  'disk',
  'device',
  'minor',
  '0',
  '10.1.1.31',
  ':',
  '7789',
  'address',
  'ipv6',
  '[',
  ']',
  'fd00::1',
  'volume',
  'skip',
  'include',
  'connection',
  'path',
  'host',
  'node-id',
  '1.2.3',
  'no-tcp-cork',
  '\\',
  'é',
  '\u{1F600}',
  '\r',
  'x'.repeat(130),
);
const drbdish = fc.array(piece, { maxLength: 60 }).map((a) => a.join(''));

describe('lossless CST', () => {
  it.each(corpus.map((t, i) => [i, t] as const))('corpus file %i prints back unchanged', (_i, text) => {
    expect(print(parseCst(text))).toBe(text);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 300 })])('any string prints back unchanged', (s) => {
    expect(print(parseCst(s))).toBe(s);
    expect(
      lex(s)
        .map((t) => t.text)
        .join(''),
    ).toBe(s);
  });

  test.prop([drbdish])('every token belongs to exactly one node, in order', (s) => {
    const cst = parseCst(s);
    expect([...tokensOf(cst)]).toEqual(lex(s));
    // Node by node: the items of each level print back to their parent, and spans tile it.
    const stack: (DocumentNode | BlockNode)[] = [cst];
    while (stack.length > 0) {
      const n = stack.pop()!;
      const inner = n.items.map((it) => print(it)).join('');
      const own = n.type === 'block' ? `${n.open.text}${inner}${n.close?.text ?? ''}` : inner;
      expect(own).toBe(print(n));
      expect(print(n)).toBe(s.slice(n.start, n.end));
      let at = n.type === 'block' ? n.open.end : 0;
      for (const it of n.items) {
        expect(it.start).toBe(at);
        at = it.end;
        if (it.type === 'statement') {
          expect(it.parts.map((p) => ('type' in p ? print(p) : p.text)).join('')).toBe(print(it));
          if (it.block) stack.push(it.block);
        }
      }
    }
  });

  test.prop([drbdish])('drbd-like garbage prints back and never throws in parse', (s) => {
    expect(print(parseCst(s))).toBe(s);
    for (const v of ['9', '8.4'] as const)
      expect(parse(s, { drbdVersion: v }).diagnostics.some((d) => d.code === 'drbd/internal')).toBe(false);
  });

  test.prop([fc.constantFrom(...corpus), fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 5 })])(
    'mutated real configs print back and parse without throwing',
    (text, at, del, ins) => {
      const i = at % (text.length + 1);
      const s = text.slice(0, i) + ins + text.slice(i + del);
      expect(print(parseCst(s))).toBe(s);
      expect(parse(s).diagnostics.some((d) => d.code === 'drbd/internal')).toBe(false);
    },
  );

  // About 3 s alone; the bound leaves room for a CI machine running every package's tests at once.
  it('handles 1 MB of nested braces without overflowing the stack', { timeout: 120_000 }, () => {
    const open = '{'.repeat(500_000);
    const s = open + '}'.repeat(500_000);
    const cst = parseCst(s);
    expect(cst.maxDepth).toBe(500_000);
    expect(print(cst)).toBe(s);
    const r = parse(open);
    expect(print(r.cst)).toBe(open);
    expect(r.diagnostics.some((d) => d.message.includes('end of file'))).toBe(true);
  });

  it('is linear: 8× the input takes far less than 64× the time', () => {
    const unit = corpus.join('\n');
    // CPU time, best of three: a busy neighbour on a shared machine does not decide.
    const { small, big } = cpuGrowth((n) => parse(unit.repeat(n)), 10, 80);
    expect(big).toBeLessThan(small * 30 + 50);
  });
});

describe('hand-built CST nodes', () => {
  it('print and tokensOf read their public fields', () => {
    const text = 'resource r0 { device /dev/drbd0; }\n';
    const views = parseCst(text);
    // a deep copy made of plain objects (getters read once), as a tool building a CST would
    const copy = (n: unknown): unknown => {
      if (Array.isArray(n)) return n.map(copy);
      if (n === null || typeof n !== 'object') return n;
      const o = n as Record<string, unknown>;
      const keys =
        o.type === 'statement'
          ? ['type', 'words', 'parts', 'semi', 'block', 'start', 'end']
          : o.type === 'block'
            ? ['type', 'open', 'items', 'close', 'start', 'end']
            : o.type === 'trivia'
              ? ['type', 'tokens', 'start', 'end']
              : o.type === 'stray'
                ? ['type', 'token', 'start', 'end']
                : o.type === 'document'
                  ? ['type', 'items', 'start', 'end', 'maxDepth']
                  : Object.keys(o);
      return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, copy(o[k])]));
    };
    const plain = copy(views) as DocumentNode;
    expect(print(plain)).toBe(text);
    expect([...tokensOf(plain)]).toEqual(lex(text));
  });
});
