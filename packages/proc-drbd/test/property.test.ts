import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  Events2Parser,
  Events2Reducer,
  emitEvents2,
  emitProcDrbd,
  lint,
  parse,
  parseProcDrbd,
  parseProcDrbdCst,
  printProcDrbd,
  statusMetrics,
} from '../src/index.js';
import { DrbdStatusSchema } from '../src/schema.js';
import { procModel, status } from './arbitraries.js';
import { fixtures, readFixture } from './helpers.js';

describe('round trips of generated models', () => {
  test.prop([procModel], { numRuns: 200 })('/proc/drbd: parse(emit(m)) === m, with no diagnostics', (m) => {
    const text = emitProcDrbd(m);
    const r = parseProcDrbd(text);
    expect(r.diagnostics).toEqual([]);
    expect(r.model).toEqual(m);
    expect(emitProcDrbd(r.model)).toBe(text);
  });

  test.prop([status], { numRuns: 200 })('events2: reduce(parse(emit(m))) === m', (m) => {
    expect(DrbdStatusSchema.safeParse(m).success).toBe(true);
    const text = emitEvents2(m, { timestamp: '2024-06-20T10:15:42.118351+02:00' });
    const p = new Events2Parser();
    const events = [...p.push(text), ...p.end()];
    expect(p.diagnostics).toEqual([]);
    expect(new Events2Reducer().applyAll(events).toStatus()).toEqual(m);
  });
});

describe('never crash, never hang', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 400 })], { numRuns: 300 })(
    'garbage: lossless CST, no throw',
    (s) => {
      expect(printProcDrbd(parseProcDrbdCst(s))).toBe(s);
      const r = parse(s);
      expect(DrbdStatusSchema.safeParse(r.model).success).toBe(true);
      lint(s);
      statusMetrics(r.model, { enums: true });
    },
  );

  const all = fixtures().map((f) => readFixture(f));
  test.prop(
    [
      fc.nat(all.length - 1),
      fc.nat(),
      fc.array(fc.tuple(fc.nat(), fc.string({ maxLength: 6 }), fc.nat(8)), { maxLength: 6 }),
    ],
    {
      numRuns: 300,
    },
  )('truncations and mutations of every fixture', (i, cutAt, edits) => {
    let text = all[i]!;
    text = text.slice(0, cutAt % (text.length + 1));
    for (const [at, ins, del] of edits) {
      const p = at % (text.length + 1);
      text = text.slice(0, p) + ins + text.slice(p + del);
    }
    const start = performance.now();
    const r = parse(text);
    lint(text);
    statusMetrics(r.model, { enums: true });
    expect(printProcDrbd(parseProcDrbdCst(text))).toBe(text);
    expect(DrbdStatusSchema.safeParse(r.model).success).toBe(true);
    // A hang shows as minutes; the bound leaves room for a loaded CI machine.
    expect(performance.now() - start).toBeLessThan(5000);
  });

  it('every truncation point of every /proc fixture keeps only complete minors', () => {
    for (const name of fixtures('proc-')) {
      const text = readFixture(name);
      const full = parseProcDrbd(text).model.devices;
      for (let cut = 0; cut < text.length; cut++) {
        const r = parseProcDrbd(text.slice(0, cut));
        for (const d of r.model.devices) {
          const whole = full.find((f) => f.minor === d.minor)!;
          // A kept minor has its state line and counters complete (progress lines may be cut later).
          expect([d.cs, d.counters === null ? null : 'ok']).toEqual([
            whole.cs,
            whole.counters === null ? null : 'ok',
          ]);
        }
      }
    }
  });
});
