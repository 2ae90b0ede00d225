import { test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { lint, parse } from '../src/index.js';
import { fileArb } from './helpers.js';

// lint --fix reaches a fixed point: nothing fixable is left, no new parse problems appear, and
// fixing again changes nothing.
test.prop([fileArb.map((s) => s.replace(/\n/g, (m, i: number) => (i % 3 === 0 ? '\r\n' : m)))], {
  numRuns: 300,
})('fixes are complete and stable', (text) => {
  const out = lint(text, { fix: true }).output!;
  expect(
    lint(out).diagnostics.filter((d) => d.fix),
    out,
  ).toEqual([]);
  const before = parse(text).diagnostics.length;
  expect(parse(out).diagnostics.length).toBeLessThanOrEqual(before);
  expect(lint(out, { fix: true }).output).toBe(out);
});

// Found by the property above: `aa\<CR><LF>` is an escaped CR; dropping the CR would make the
// backslash join the next line, so the rule reports it without a fix.
test('an escaped CR before the line feed gets no automatic fix', () => {
  const text = 'O2CB_ENABLED=true\\\r\nO2CB_STACK=o2cb\r\n';
  const out = lint(text, { fix: true }).output!;
  expect(out).toBe('O2CB_ENABLED=true\\\r\nO2CB_STACK=o2cb\n');
  expect(parse(out).diagnostics.length).toBeLessThanOrEqual(parse(text).diagnostics.length);
});
