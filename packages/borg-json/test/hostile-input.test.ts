import { fc, test } from '@fast-check/vitest';
import { LineIndex, MAX_DIAGNOSTICS } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { cpuGrowth } from '../../../test-support/timing.js';
import { emit, parse, parseCst, print } from '../src/documents/parse.js';
import { borgJsonFormat } from '../src/format.js';
import { findTooDeep, MAX_JSON_DEPTH } from '../src/json/nesting.js';
import { emitLine, parseItems, readItems } from '../src/stream/items.js';
import { logEventObject, parseLog, readLog, trailingObjectStart } from '../src/stream/log.js';
import { fixture } from './helpers.js';

/** `n` levels of `[` or `{"a":` (chosen by `shape`), closed or not. */
function nested(n: number, shape: readonly boolean[], closed: boolean): string {
  let open = '';
  let close = '';
  for (let i = 0; i < n; i++) {
    const obj = shape[i % shape.length]!;
    open += obj ? '{"a":' : '[';
    close = (obj ? '}' : ']') + close;
  }
  return closed ? `${open}1${close}` : open;
}

describe('nesting limit (issue 13 item 6)', () => {
  it('5,000 nested `[` give borg/too-deep from parse, lint and emit instead of a RangeError', () => {
    // The reproduction: /work/shared/reliability/borg-deep-5000.borg.json is 5,000 `[`.
    const text = '['.repeat(5000);
    const r = parse(text);
    expect(r.model).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.span.start])).toEqual([['borg/too-deep', MAX_JSON_DEPTH]]);
    expect(borgJsonFormat.lint(text).diagnostics.map((d) => d.code)).toContain('borg/too-deep');
    expect(borgJsonFormat.emit(borgJsonFormat.parse(text).model)).toBe('');
    expect(print(parseCst(text))).toBe(text);
  });

  it('a closed 5,000-level value inside a real document is refused too', () => {
    const doc = fixture('1.2/info-repo.json').replace(
      '"repository": {',
      `"deep": ${nested(5000, [false, true], true)}, "repository": {`,
    );
    expect(parse(doc).diagnostics.map((d) => d.code)).toEqual(['borg/too-deep']);
  });

  it(`${MAX_JSON_DEPTH} levels are read, one more is refused`, () => {
    expect(findTooDeep(nested(MAX_JSON_DEPTH, [false], true))).toBe(-1);
    expect(findTooDeep(nested(MAX_JSON_DEPTH + 1, [false], true))).toBe(MAX_JSON_DEPTH);
    // Brackets inside strings do not count.
    expect(findTooDeep(`["${'['.repeat(5000)}"]`)).toBe(-1);
    expect(findTooDeep(`["\\"${'['.repeat(5000)}"]`)).toBe(-1);
  });

  test.prop(
    [
      fc.integer({ min: MAX_JSON_DEPTH + 1, max: 20_000 }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
      fc.boolean(),
    ],
    { numRuns: 30 },
  )('deep documents, item lines and log lines never throw', (n, shape, closed) => {
    const text = nested(n, shape, closed);
    expect(parse(text).diagnostics.map((d) => d.code)).toContain('borg/too-deep');
    expect(borgJsonFormat.lint(text).diagnostics.length).toBeGreaterThan(0);
    const line = `{"type": "-", "mode": "-rw-r--r--", "path": "a", "x": ${text}}\n`;
    const items = parseItems(line.repeat(2), { onBadLine: 'continue' });
    expect(items.items).toEqual([]);
    expect(items.diagnostics.map((d) => d.code)).toEqual(['borg/bad-line', 'borg/bad-line']);
    const log = parseLog(`{"type": "log_message", "x": ${text}}\n`);
    for (const rec of log.records) {
      const o = logEventObject(rec.event);
      if (o) emitLine(o);
    }
  });
});

describe('--log-json lines with text before the object (issue 13 item 4)', () => {
  it('`x{"a":{"a":…` grows linearly, not quadratically', () => {
    const line = (n: number) => `x${'{"a":'.repeat(n)}\n`;
    // 100 KB took 8 s and 2 MB did not finish when every `{"` was tried with JSON.parse.
    const { small, big } = cpuGrowth((n) => parseLog(line(n)), 20_000, 400_000);
    expect(big).toBeLessThan(Math.max(small, 1) * 20 * 4);
    expect(parseLog(line(400_000)).diagnostics.map((d) => d.code)).toEqual(['borg/plain-text']);
  });

  test.prop([
    fc.string({ maxLength: 20 }).filter((s) => !s.includes('\n') && !s.includes('\r')),
    fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
  ])(
    'a prompt before a JSON object on the same line is split off as text, as borg writes it',
    (prefix, extra) => {
      const obj = JSON.stringify({
        ...extra,
        type: 'log_message',
        levelname: 'ERROR',
        name: 'borg',
        message: 'm',
        time: 1,
      });
      const t = `${prefix}${obj}`;
      // The object is the one whose `{` matches the last `}`, found by one backward pass.
      if (!/[{}[\]"\\]/.test(prefix)) expect(trailingObjectStart(t)).toBe(prefix.length);
      const r = parseLog(`${t}\n`);
      const events = r.records.map((x) => x.event);
      if (prefix.length > 0 && !/[{}[\]"\\]/.test(prefix))
        expect(events[0]).toEqual({ type: 'text', text: prefix, partial: true });
      expect(events.at(-1)).toEqual(JSON.parse(obj));
    },
  );
});

describe('prototype names (issue 13 item 7)', () => {
  it('emit keeps `__proto__` keys of a document, at the top and inside', () => {
    const text = fixture('2.0.0b5/info-all.json')
      .replace(
        '"repository": {',
        '"repository": {\n        "__proto__": {"x": 1},\n        "constructor": 2,',
      )
      .replace(/^\{/, '{\n    "__proto__": "p",');
    const r = parse(text);
    expect(r.model).toBeDefined();
    const out = emit(r.model!);
    expect(out.match(/"__proto__"/g)).toHaveLength(2);
    expect(out).toContain('"constructor": 2');
    expect(Object.getPrototypeOf(r.model!.data.repository)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('an item of type `constructor` and a `__proto__` key stay plain data', () => {
    const r = parseItems(
      '{"type": "constructor", "mode": "-rw-r--r--", "path": "a", "__proto__": {"x": 1}}\n',
    );
    expect(r.items[0]!.type).toBe('constructor');
    expect(emitLine(r.items[0]!)).toContain('"__proto__": {"x": 1}');
  });
});

describe('diagnostic cap (issue 13 item 5)', () => {
  const bad = 'x\n'.repeat(50_000);
  const summary = {
    code: 'borg/too-many-problems',
    severity: 'error',
    message: `Too many problems: ${50_000 - MAX_DIAGNOSTICS} more after the first ${MAX_DIAGNOSTICS} are not listed`,
  };

  it('parseItems, parseLog and lint keep 1000 diagnostics and count the rest', () => {
    // make-big.sh items-bad-lines / log-text-lines: 10^7 bad lines aborted at 4.4 GB.
    const items = parseItems(bad, { onBadLine: 'continue' });
    expect(items.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(items.diagnostics.at(-1)).toMatchObject({
      ...summary,
      position: { start: { line: MAX_DIAGNOSTICS + 1 } },
    });
    const log = parseLog(bad);
    expect(log.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(log.diagnostics.at(-1)).toMatchObject({ ...summary, severity: 'info' });
    const lintItems = borgJsonFormat.lint(`{"type": "-", "mode": "-", "path": "a"}\n${bad}`, {
      fileName: 'a.borg.jsonl',
    });
    expect(lintItems.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
  });

  it('bad lines cost linear time in streams (no rescan of the chunk per line)', async () => {
    // Counting lone CRs with indexOf searched the rest of the chunk for every line.
    const chunked = (n: number) => Array.from({ length: n / 1000 }, () => 'x\n'.repeat(1000)).join('');
    const run = async (n: number) => {
      const t = chunked(n);
      const c0 = process.cpuUsage();
      for await (const _ of readItems([t], { onBadLine: 'continue' }));
      for await (const _ of readLog([t]));
      parseItems(t, { onBadLine: 'continue' });
      const c = process.cpuUsage(c0);
      return (c.user + c.system) / 1000;
    };
    await run(20_000);
    const small = Math.min(await run(20_000), await run(20_000));
    const big = Math.min(await run(160_000), await run(160_000));
    // 8x the lines: about 8x the CPU time when linear, 64x when quadratic.
    expect(big / Math.max(small, 1)).toBeLessThan(24);
  });

  it('readItems and readLog (streams) are capped the same way and still call onDiagnostic for each', async () => {
    const chunks = Array.from({ length: 50 }, () => 'x\n'.repeat(1000));
    let seen = 0;
    const reader = readItems(chunks, { onBadLine: 'continue', onDiagnostic: () => seen++ });
    for await (const _ of reader) expect.unreachable();
    expect(seen).toBe(50_000);
    expect(reader.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(reader.diagnostics.at(-1)).toMatchObject(summary);
    const log = readLog(chunks);
    for await (const _ of log);
    expect(log.diagnostics).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(log.diagnostics.at(-1)!.code).toBe('borg/too-many-problems');
  });
});

describe('a lone `\\r` ends a line in stream positions (issue 13, low)', () => {
  it('the repro: offset 1 after a lone `\\r` is line 2, column 1', () => {
    // /work/shared/reliability/borg-lone-cr.borg-log.jsonl
    const r = parseLog('\r{"type":"log_message","x":1}\n');
    const d = r.diagnostics.find((x) => x.severity === 'error')!;
    expect(d.span.start).toBe(1);
    expect(d.position.start).toEqual({ line: 2, column: 1, offset: 1 });
  });

  test.prop([fc.array(fc.constantFrom('x', '\r', '\n', '\r\n', '{"type": "-"}'), { maxLength: 30 })])(
    'stream line numbers agree with LineIndex on every text of lines, CRs and bad items',
    async (parts) => {
      const text = parts.join('');
      const index = new LineIndex(text);
      const check = (
        list: readonly { span: { start: number }; position: { start: { line: number; column: number } } }[],
      ) => {
        for (const d of list) {
          const p = index.positionOf({ start: d.span.start, end: d.span.start }).start;
          expect([d.position.start.line, d.position.start.column]).toEqual([p.line, p.column]);
        }
      };
      check(parseItems(text, { onBadLine: 'continue' }).diagnostics);
      check(parseLog(text).diagnostics);
      const reader = readItems([text.slice(0, 7), text.slice(7)], { onBadLine: 'continue' });
      for await (const _ of reader);
      check(reader.diagnostics);
      const log = readLog([text.slice(0, 5), text.slice(5)]);
      for await (const _ of log);
      check(log.diagnostics);
    },
  );
});

describe('messages never say `found undefined` (issue 13, low)', () => {
  it('a missing union-typed key is `Missing key`', () => {
    // Found by `npm run fuzz` (seed 11): `chunker_params` renamed away gave "Expected a list or
    // `""` at `archives[0].chunker_params`, found undefined `undefined`".
    const text = fixture('2.0.0b5/info-all.json').replace('"chunker_params"', '"constructor"');
    const r = parse(text);
    const messages = r.diagnostics.map((d) => d.message);
    expect(messages).toContain('Missing key `chunker_params` in `archives[0]`');
    for (const m of messages) expect(m).not.toMatch(/found undefined/);
  });
});
