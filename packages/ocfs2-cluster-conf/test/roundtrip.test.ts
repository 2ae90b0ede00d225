import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { bestCpuMs } from '../../../test-support/timing.js';
import { format, lint, parse, parseCst, print } from '../src/index.js';
import { clusterConfFile } from './support/o2cb.js';

const dir = join(import.meta.dirname, 'fixtures');
const fixtures = readdirSync(dir, { withFileTypes: true })
  // realworld/ holds flat sample files (test/realworld.test.ts checks their round trip).
  .filter((d) => d.isDirectory() && d.name !== 'realworld')
  .map((d) => readFileSync(join(dir, d.name, 'cluster.conf'), 'utf8'));

// Characters that matter to the scanner, so random strings hit every branch.
const confChar = fc.constantFrom(
  '\n',
  '\t',
  ' ',
  '#',
  ':',
  '=',
  '\\',
  '\r',
  '\u0000',
  '\ufeff',
  'a',
  'Z',
  '_',
  '9',
  '-',
  '.',
  'é',
);
const confish = fc.string({ unit: confChar, maxLength: 200 });
const words = fc.constantFrom(
  'cluster:',
  'node:',
  'heartbeat:',
  '\tname = a',
  '\tnode_count = 0',
  '\n',
  '\t#',
  '# c',
  ' x',
  '=',
);
const lineSoup = fc.array(words, { maxLength: 30 }).map((w) => w.join('\n'));

/** A fixture with a few characters inserted, deleted or replaced. */
const mutated = fc
  .tuple(fc.constantFrom(...fixtures), fc.array(fc.tuple(fc.nat(), fc.nat(3), confish), { maxLength: 4 }))
  .map(([text, edits]) => {
    let t = text;
    for (const [at, del, ins] of edits) {
      const i = at % (t.length + 1);
      t = t.slice(0, i) + ins.slice(0, 3) + t.slice(i + del);
    }
    return t;
  });

describe('lossless CST', () => {
  it('prints every fixture back unchanged', () => {
    for (const f of fixtures) expect(print(parseCst(f))).toBe(f);
  });
  test.prop([fc.string()])('arbitrary strings', (s) => {
    expect(print(parseCst(s))).toBe(s);
  });
  test.prop([fc.string({ unit: 'binary' })])('arbitrary unicode', (s) => {
    expect(print(parseCst(s))).toBe(s);
  });
  test.prop([confish])('strings of significant characters', (s) => {
    expect(print(parseCst(s))).toBe(s);
  });
  test.prop([lineSoup])('line soup', (s) => {
    expect(print(parseCst(s))).toBe(s);
  });
  test.prop([mutated])('mutated fixtures', (s) => {
    expect(print(parseCst(s))).toBe(s);
  });
  test.prop([clusterConfFile])('generated files', (s) => {
    expect(print(parseCst(s))).toBe(s);
  });
});

describe('never throws', () => {
  test.prop([fc.oneof(confish, lineSoup, mutated, fc.string())])(
    'parse, lint (with fixes) and format',
    (s) => {
      const r = parse(s);
      for (const d of r.diagnostics) {
        expect(d.span.start).toBeGreaterThanOrEqual(0);
        expect(d.span.end).toBeLessThanOrEqual(s.length);
        expect(d.message).not.toMatch(/\.$/);
      }
      const l = lint(s, { fix: true, settings: { hostname: 'a' } });
      expect(
        l.diagnostics.filter((d) => d.code.endsWith('/rule-crashed') || d.code === 'core/rule-crashed'),
      ).toEqual([]);
      format(s);
    },
  );

  it('1 MB of garbage gets diagnostics in under a second', () => {
    const rnd = fc.sample(fc.string({ unit: confChar, minLength: 1000, maxLength: 1000 }), {
      numRuns: 1000,
      seed: 42,
    });
    const text = rnd.join('');
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    const r = lint(text);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.at(-1)!.code).toBe('ocfs2/too-many-problems');
    expect(bestCpuMs(() => lint(text))).toBeLessThan(1000);
  });

  it('a 1 MB value and a 100 000-line file', () => {
    const long = `cluster:\n\tname = ${'x'.repeat(1_000_000)}\n\tnode_count = 0\n`;
    expect(parse(long).model.clusters[0]!.name.length).toBe(1_000_000);
    const many = 'cluster:\n\tname = a\n\tnode_count = 0\n' + '# c\n'.repeat(100_000);
    expect(print(parseCst(many))).toBe(many);
    expect(bestCpuMs(() => parse(many))).toBeLessThan(1000);
  });
});

describe('format', () => {
  test.prop([clusterConfFile])('is idempotent and keeps the model', (s) => {
    const once = format(s);
    if (once.diagnostics.some((d) => d.severity === 'error')) {
      expect(once.text).toBe(s);
      return;
    }
    expect(format(once.text).text).toBe(once.text);
    expect(parse(once.text).model).toEqual(parse(s).model);
  });

  // Found by the property above: `n3\<CR><LF>` is the value `n3\` (o2cb chomps the CR); written
  // with a plain LF the backslash would join the next line to it.
  it('keeps a file whose value ends in a backslash, and lint --fix keeps that CR', () => {
    const head = 'cluster:\n\tname = a\n\theartbeat_mode = local\n\tnode_count = 1\n\nnode:\n';
    const tail = '\tnumber = 7\n\tip_address = 10.0.0.1\n\tip_port = 7777\n\n';
    const s = `${head}\tname = n3\\\r\n\tcluster = a\r\n${tail}`;
    expect(parse(s).model.clusters[0]!.nodes[0]!.name).toBe('n3\\');
    expect(format(s).text).toBe(s);
    const fixed = lint(s, { fix: true }).output!;
    expect(fixed).toBe(`${head}\tname = n3\\\r\n\tcluster = a\n${tail}`);
    expect(parse(fixed).model).toEqual(parse(s).model);
  });
});
