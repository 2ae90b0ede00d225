import { execFileSync } from 'node:child_process';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { emit, parse, parseCst, print } from '../src/documents/parse.js';
import { pyDumps, pyFloat } from '../src/json/py-json.js';
import { emitLine, parseItems } from '../src/stream/items.js';
import { parseLog } from '../src/stream/log.js';
import { fixture, fixtureFiles } from './helpers.js';

const docs = fixtureFiles((f) => f.endsWith('.json') && !f.endsWith('commands.json')).map(fixture);
const streams = fixtureFiles((f) => f.endsWith('.jsonl') || f.endsWith('.stderr.txt')).map(fixture);

/** A fixture cut or changed at random places. */
const mutated = (corpus: string[]) =>
  fc
    .tuple(
      fc.constantFrom(...corpus),
      fc.nat(),
      fc.nat(),
      fc.string({ maxLength: 8 }),
      fc.constantFrom('cut', 'replace', 'insert'),
    )
    .map(([text, a, b, s, op]) => {
      const i = a % (text.length + 1);
      const j = Math.min(text.length, i + (b % 20));
      return op === 'cut'
        ? text.slice(0, i)
        : op === 'replace'
          ? text.slice(0, i) + s + text.slice(j)
          : text.slice(0, i) + s + text.slice(i);
    });

describe('never throw, never hang', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 400 })])(
    'documents: arbitrary text, lossless CST',
    (s) => {
      const r = parse(s);
      expect(Array.isArray(r.diagnostics)).toBe(true);
      expect(print(parseCst(s))).toBe(s);
      if (r.model === undefined) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    },
  );
  test.prop([mutated(docs)], { numRuns: 300 })('documents: truncated and mutated captures', (s) => {
    const r = parse(s);
    for (const d of r.diagnostics) {
      expect(d.span.start).toBeGreaterThanOrEqual(0);
      expect(d.span.end).toBeLessThanOrEqual(s.length);
      expect(d.message).not.toMatch(/\.$/);
    }
    if (r.model && !r.diagnostics.some((d) => d.severity === 'error'))
      expect(() => emit(r.model!)).not.toThrow();
  });
  test.prop([mutated(streams)], { numRuns: 300 })('items and logs: truncated and mutated captures', (s) => {
    const a = parseItems(s, { onBadLine: 'continue' });
    const b = parseLog(s);
    for (const d of [...a.diagnostics, ...b.diagnostics])
      expect(d.position.start.line).toBeGreaterThanOrEqual(1);
  });
  test.prop([fc.string({ unit: 'binary', maxLength: 300 })])('items and logs: arbitrary text', (s) => {
    parseItems(s, { onBadLine: 'continue' });
    parseLog(s);
  });
  it('does not pollute prototypes', () => {
    const text = fixture('1.2/list-repo.json').replace(
      '"repository": {',
      '"__proto__": {"polluted": true}, "constructor": 1, "repository": {',
    );
    const r = parse(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.model).toBeDefined();
    parseItems('{"type": "-", "mode": "x", "path": "a", "__proto__": {"polluted": true}}\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('Python json.dumps compatibility', () => {
  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true })])('pyFloat round-trips', (x) => {
    expect(JSON.parse(pyFloat(x))).toBe(x);
  });
  test.prop([fc.jsonValue()])('pyDumps is valid JSON with the same value', (v) => {
    expect(JSON.parse(pyDumps(v))).toEqual(JSON.parse(JSON.stringify(v)));
    expect(JSON.parse(pyDumps(v, { indent: 4, sortKeys: true }))).toEqual(JSON.parse(JSON.stringify(v)));
  });
  it('prints exactly what python3 prints (floats, strings with lone surrogates, nesting)', () => {
    const values: unknown[] = fc.sample(
      fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string({ unit: 'binary' }),
        fc.dictionary(
          fc.string({ unit: 'grapheme-ascii', maxLength: 6 }),
          fc.oneof(fc.integer(), fc.string({ unit: 'binary' }), fc.boolean()),
        ),
        fc.array(fc.oneof(fc.string(), fc.integer())),
      ),
      { numRuns: 600, seed: 42 },
    );
    values.push(2.55108378383804e-5, 1e16, 123456789012345680000, 0.1, 5e-324, 1e-5, 0.0001);
    // JSON text cannot carry -0 to python (JSON.stringify(-0) is "0").
    for (let i = 0; i < values.length; i++) if (Object.is(values[i], -0)) values[i] = 0;
    const py = execFileSync(
      'python3',
      [
        '-c',
        'import json,sys\nfor line in sys.stdin:\n    v=json.loads(line)\n    v=float(v) if isinstance(v,(int,float)) and not isinstance(v,bool) else v\n    print(json.dumps(v)); print(json.dumps(v, indent=4, sort_keys=True).replace("\\n","\\\\n"))',
      ],
      { input: values.map((v) => JSON.stringify(v)).join('\n'), encoding: 'utf8' },
    )
      .split('\n')
      .filter((l) => l !== '');
    const mine = values.flatMap((v) => {
      const isNum = typeof v === 'number';
      const opts = { isFloatKey: () => isNum };
      return [
        isNum ? pyFloat(v as number) : pyDumps(v, opts),
        (isNum ? pyFloat(v as number) : pyDumps(v, { ...opts, indent: 4, sortKeys: true })).replaceAll(
          '\n',
          '\\n',
        ),
      ];
    });
    expect(mine).toEqual(py);
  });
  it('emitLine keeps key order of a line', () => {
    expect(emitLine({ b: 1, a: [1.5, 'x\u00e9\n'], time: 3 })).toBe(
      '{"b": 1, "a": [1.5, "x\\u00e9\\n"], "time": 3.0}',
    );
  });
});
