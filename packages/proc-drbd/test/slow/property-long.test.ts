import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  Events2Parser,
  Events2Reducer,
  emitEvents2,
  emitProcDrbd,
  emitStatusText,
  lint,
  parse,
  parseProcDrbd,
  parseProcDrbdCst,
  parseStatusText,
  printProcDrbd,
} from '../../src/index.js';
import { procModel, status } from '../arbitraries.js';

// The same properties as test/property.test.ts with 10^5 runs (npm run test:conformance).
test.prop([procModel], { numRuns: 100_000 })('/proc/drbd: parse(emit(m)) === m', (m) => {
  const r = parseProcDrbd(emitProcDrbd(m));
  expect(r.diagnostics).toEqual([]);
  expect(r.model).toEqual(m);
});

test.prop([status], { numRuns: 100_000 })('events2: reduce(parse(emit(m))) === m', (m) => {
  const p = new Events2Parser();
  const events = [...p.push(emitEvents2(m)), ...p.end()];
  expect(new Events2Reducer().applyAll(events).toStatus()).toEqual(m);
});

test.prop([fc.string({ unit: 'binary', maxLength: 2000 })], { numRuns: 100_000 })(
  'garbage never throws',
  (s) => {
    expect(printProcDrbd(parseProcDrbdCst(s))).toBe(s);
    parse(s);
    lint(s);
  },
);

test.prop([status, fc.boolean(), fc.boolean(), fc.integer({ min: 20, max: 200 }), fc.boolean()], {
  numRuns: 100_000,
})('status text: emit(parse(emit(m))) === emit(m)', (m, verbose, statistics, width, tty) => {
  const o = { verbose, statistics, width, tty };
  const text = emitStatusText(m, o);
  expect(emitStatusText(parseStatusText(text).model, o)).toBe(text);
});
