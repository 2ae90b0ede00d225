import { test } from 'vitest';
import {
  checkLab,
  defaultLabSpec,
  formats,
  generateLab,
  LabSpecCheckedSchema,
  labFacts,
  validateLab,
} from '../src/index.js';

const spec = LabSpecCheckedSchema.parse(defaultLabSpec);
const lab = generateLab(spec, { mode: 'dual-primary' });
const trees = lab.phases[0]!.nodes;
const facts = labFacts(trees);

// vitest 5 benchmarks are test-context fixtures: `bench(name, fn)` registers, `bench.compare` runs.
test('lab: default lab, dual-primary (in memory, no I/O)', { timeout: 300_000 }, async ({ bench }) => {
  await bench.compare(
    bench('generateLab', () => {
      generateLab(spec, { mode: 'dual-primary' });
    }),
    bench('labFacts (parse every file into facts)', () => {
      labFacts(trees);
    }),
    bench('validateLab (28 cross-file rules)', () => {
      validateLab(facts);
    }),
    bench('checkLab (per-file lints + cross-file rules)', () => {
      checkLab({ phases: lab.phases, files: [] }, { formats });
    }),
  );
});
