import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultLabSpec,
  generateLab,
  LabSpecCheckedSchema,
  labJsonSchema,
  loadLabSpec,
  run,
  writeLab,
} from '../src/index.js';
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

  it('three-node-mesh.yaml: drbdadm 9 dumps the mesh on each node', () => {
    const spec = yaml('three-node-mesh.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-lab-mesh-'));
    const lab = generateLab(spec);
    writeLab(dir, lab.files);
    const res = lab.files.find((f) => f.path === 'node-a/etc/drbd.d/data.res')!.text;
    expect(res).toContain('connection-mesh');
    expect(res).toMatch(/node-id 2;/);
    for (const n of spec.nodes) {
      const script = `hostname ${n.name} && ip link set lo up && ip addr add ${n.address}/32 dev lo && exec drbdadm -c drbd.d/data.res dump data`;
      const r = spawnSync('unshare', ['-u', '-n', 'sh', '-c', script], {
        cwd: join(dir, n.name, 'etc'),
        encoding: 'utf8',
      });
      expect(r.status, `drbdadm (install drbd-utils) on ${n.name}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(`# resource data on ${n.name}: not ignored, not stacked`);
    }
  });
});
