import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLab, labFiles, loadLabSpec, writeLab } from '../../src/index.js';

// The example labs read by the real drbdadm 9 (drbd-utils), in a namespace with the node's name
// and address (unshare from util-linux, ip from iproute2).
const examples = join(import.meta.dirname, '../../../../examples');
const yaml = (name: string) => {
  const r = loadLabSpec(readFileSync(join(examples, name), 'utf8'), name);
  expect(r.diagnostics).toEqual([]);
  return r.spec!;
};

describe('examples/ with the real tools', () => {
  it('three-node-mesh.yaml: drbdadm 9 dumps the mesh on each node', () => {
    const spec = yaml('three-node-mesh.yaml');
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-lab-mesh-'));
    const lab = generateLab(spec);
    writeLab(dir, lab);
    const res = labFiles(lab).find((f) => f.path === 'node-a/etc/drbd.d/data.res')!.text;
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
