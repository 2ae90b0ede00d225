import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLabSpec, LabSpecCheckedSchema, labJsonSchema, loadLabSpec, run } from '../src/index.js';
import { memoryIo } from './helpers.js';

const examples = join(import.meta.dirname, '../../../examples');
const yaml = (name: string) => {
  const r = loadLabSpec(readFileSync(join(examples, name), 'utf8'), name);
  expect(r.diagnostics).toEqual([]);
  return r.spec!;
};

describe('examples/', () => {
  it('lab.schema.json is the generated JSON Schema', () => {
    // Compared as data, so Biome's JSON layout of the committed file does not matter. To update:
    // npx ftkit lab schema > examples/lab.schema.json && npx biome format --write examples
    const committed = JSON.parse(readFileSync(join(examples, 'lab.schema.json'), 'utf8'));
    expect(committed).toEqual(labJsonSchema());
  });

  it('the TypeScript and YAML seed labs are the same lab', async () => {
    const seedTs = ((await import(join(examples, 'seed-lab.ts'))) as { default: unknown }).default;
    expect(LabSpecCheckedSchema.parse(seedTs)).toEqual(yaml('seed-lab.yaml'));
    // …and the built-in default: the examples show users what `ftkit lab generate` uses.
    expect(LabSpecCheckedSchema.parse(seedTs)).toEqual(LabSpecCheckedSchema.parse(defaultLabSpec));
  });

  for (const file of ['seed-lab.yaml', 'seed-lab.ts', 'three-node-mesh.yaml']) {
    for (const mode of file.startsWith('three')
      ? (['single-primary'] as const)
      : (['single-primary', 'dual-primary'] as const)) {
      it(`${file} (${mode}) generates and checks clean through the CLI`, async () => {
        const dir = mkdtempSync(join(tmpdir(), 'ftkit-lab-ex-'));
        const g = memoryIo(dir);
        expect(
          await run(['lab', 'generate', join(examples, file), '-o', 'out', '--mode', mode], g.io),
          g.stdout() + g.stderr(),
        ).toBe(0);
        const c = memoryIo(dir);
        expect(await run(['lab', 'check', 'out', '--quiet'], c.io), c.stdout()).toBe(0);
      });
    }
  }
});
