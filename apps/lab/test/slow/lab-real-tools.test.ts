import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { generateLab, LabSpecCheckedSchema, type LabSpecInput, writeLab } from '../../src/index.js';

const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC3BAcyDqFEIM2wf44vO5TMXlQCbBqaoV61geNQj6R/x';

const specArb: fc.Arbitrary<LabSpecInput> = fc
  .record({
    nodes: fc.integer({ min: 2, max: 5 }),
    subnet: fc.integer({ min: 0, max: 250 }),
    mode: fc.constantFrom('single-primary' as const, 'dual-primary' as const),
    v84: fc.boolean(),
    resources: fc.integer({ min: 1, max: 3 }),
    protocol: fc.constantFrom('A' as const, 'B' as const, 'C' as const),
  })
  // Two primaries at most: a dual-primary lab has two nodes.
  .map((r) => ({ ...r, nodes: r.mode === 'dual-primary' ? 2 : r.nodes }))
  .map((r) => ({
    mode: r.mode,
    drbdVersion: r.nodes === 2 && r.v84 ? '8.4' : '9',
    nodes: Array.from({ length: r.nodes }, (_, i) => ({
      name: `h${i}`,
      address: `10.8.${r.subnet}.${i + 1}`,
    })),
    resources: Array.from({ length: r.resources }, (_, i) => ({
      name: `res${i}`,
      device: `/dev/drbd${i + 10}`,
      disk: `/dev/vd${String.fromCharCode(98 + i)}`,
      port: 7800 + i,
      // A cluster file system needs protocol C; single-primary may use any.
      protocol: r.mode === 'dual-primary' ? 'C' : r.protocol,
      mount: { path: `/mnt/res${i}` },
    })),
    backup: { server: 'h0', clients: [{ node: 'h1', publicKey: `${key} root@h1` }] },
  }));

/** 300 random labs: drbdadm (9 or 8.4) dumps every resource on every node; o2cb lists the cluster. */
test.prop([specArb], { numRuns: 300 })('random labs are accepted by drbdadm and o2cb', (input) => {
  const spec = LabSpecCheckedSchema.parse(input);
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-lab-slow-'));
  try {
    const lab = generateLab(spec, {
      secrets: Object.fromEntries(spec.resources.map((r) => [r.name, `slowSecret${r.name}0123456789`])),
    });
    writeLab(dir, lab);
    const drbdadm = lab.plan.drbdVersion === '9' ? 'drbdadm' : '/usr/lib/drbd/drbdadm-84';
    for (const n of spec.nodes) {
      for (const r of spec.resources) {
        const script = `hostname ${n.name} && ip link set lo up && ip addr add ${n.address}/32 dev lo && exec ${drbdadm} -c drbd.d/${r.name}.res dump ${r.name}`;
        const p = spawnSync('unshare', ['-u', '-n', 'sh', '-c', script], {
          cwd: join(dir, n.name, 'etc'),
          encoding: 'utf8',
        });
        expect(p.status, `${drbdadm} (drbd-utils) on ${n.name}: ${p.stderr}`).toBe(0);
      }
      if (spec.mode === 'dual-primary') {
        const o = spawnSync(
          'o2cb',
          [`--config-file=${join(dir, n.name, 'etc/ocfs2/cluster.conf')}`, 'list-cluster', 'ocfs2cluster'],
          { encoding: 'utf8' },
        );
        expect(o.status, `o2cb (ocfs2-tools): ${o.stderr}`).toBe(0);
        expect(o.stdout).toContain(`name = ${n.name}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
