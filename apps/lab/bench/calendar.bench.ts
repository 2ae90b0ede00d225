import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'vitest';
import { generateLab, loadLabSpec } from '../src/index.js';
import { calendarProblem } from '../src/lab/spec/calendar.js';

// The OnCalendar grammar against the regexp it replaced, per expression and end to end: reading
// and validating a spec file (three calendar expressions among ~60 values) and generating its lab.
const OLD = /^[A-Za-z0-9*:,./~ -]+$/;
const EXPRS = ['*-*-* 01:30:00', '*-*-* 05:00:00', 'Sun *-*-* 06:00:00'];
const seed = readFileSync(join(import.meta.dirname, '../../../examples/seed-lab.yaml'), 'utf8');

test('OnCalendar: grammar vs the old regexp (three expressions)', { timeout: 300_000 }, async ({ bench }) => {
  await bench.compare(
    bench('old regexp', () => {
      for (const e of EXPRS) OLD.test(e);
    }),
    bench('calendarProblem (parsimmon grammar + range checks)', () => {
      for (const e of EXPRS) calendarProblem(e);
    }),
  );
});

test('end to end: a spec file read, validated and generated', { timeout: 300_000 }, async ({ bench }) => {
  await bench.compare(
    bench('loadLabSpec(seed-lab.yaml)', () => {
      loadLabSpec(seed, 'seed-lab.yaml');
    }),
    bench('loadLabSpec + generateLab', () => {
      generateLab(loadLabSpec(seed, 'seed-lab.yaml').spec!);
    }),
  );
});
