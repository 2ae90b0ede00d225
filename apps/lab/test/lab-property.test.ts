import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkLab, formats, generateLab, LabSpecCheckedSchema, type LabSpecInput } from '../src/index.js';

const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC3BAcyDqFEIM2wf44vO5TMXlQCbBqaoV61geNQj6R/x';

/** Random valid lab specs: 2–4 nodes, 1–2 resources, both modes, optional backups. */
const specArb: fc.Arbitrary<LabSpecInput> = fc
  .record({
    nodes: fc.integer({ min: 2, max: 4 }),
    subnet: fc.integer({ min: 0, max: 250 }),
    mode: fc.constantFrom('single-primary' as const, 'dual-primary' as const),
    v84: fc.boolean(),
    pacemaker: fc.boolean(),
    platform: fc.constantFrom(
      'ubuntu-20.04' as const,
      'ubuntu-22.04' as const,
      'ubuntu-24.04' as const,
      'debian-12' as const,
    ),
    resources: fc.integer({ min: 1, max: 2 }),
    disk: fc.constantFrom('/dev/vdb', '/dev/sdb', '/dev/nvme1n1'),
    fs: fc.constantFrom(undefined, 'xfs' as const),
    backup: fc.boolean(),
    server: fc.nat(),
    retention: fc.record({ daily: fc.integer({ min: 1, max: 30 }), weekly: fc.integer({ min: 0, max: 8 }) }),
  })
  .map((r) => {
    // Two primaries at most: a dual-primary lab has two nodes.
    const count = r.mode === 'dual-primary' ? 2 : r.nodes;
    const nodes = Array.from({ length: count }, (_, i) => ({
      name: `node${i + 1}`,
      address: `10.9.${r.subnet}.${i + 10}`,
    }));
    const server = nodes[r.server % nodes.length]!.name;
    return {
      mode: r.mode,
      platform: r.platform,
      ...(r.pacemaker && r.mode === 'dual-primary'
        ? { fencing: 'pacemaker' as const, pacemaker: { hypervisor: `10.9.${r.subnet}.1` } }
        : {}),
      drbdVersion: count === 2 && r.v84 ? '8.4' : '9',
      nodes,
      resources: Array.from({ length: r.resources }, (_, i) => ({
        name: `r${i}`,
        device: `/dev/drbd${i}`,
        disk: i === 0 ? r.disk : `${r.disk}${i}`,
        port: 7788 + i,
        mount: { path: `/srv/r${i}`, ...(r.mode === 'single-primary' && r.fs ? { fsType: r.fs } : {}) },
      })),
      ...(r.backup
        ? {
            backup: {
              server,
              clients: nodes
                .filter((n) => n.name !== server)
                .map((n) => ({ node: n.name, publicKey: `${key} root@${n.name}` })),
              retention: r.retention,
            },
          }
        : {}),
    } satisfies LabSpecInput;
  });

describe('property: random valid specs give trees that pass lab check', () => {
  test.prop([specArb], { numRuns: 40 })('no errors from per-file lints or cross-file rules', (input) => {
    const spec = LabSpecCheckedSchema.parse(input);
    const lab = generateLab(spec, {
      secrets: { r0: 'propertySecret0123456789', r1: 'propertySecret9876543210' },
    });
    const checked = checkLab(lab, {
      formats,
      drbdVersion: lab.plan.drbdVersion,
      borgVersion: lab.plan.borgSeries,
    });
    const errors = checked.files.flatMap((f) => f.diagnostics).filter((d) => d.severity === 'error');
    expect(errors.map((d) => `${d.file}:${d.position.start.line} ${d.code} ${d.message}`)).toEqual([]);
    // Deterministic: the same spec gives the same files.
    const again = generateLab(spec, {
      secrets: { r0: 'propertySecret0123456789', r1: 'propertySecret9876543210' },
    });
    const tree = (g: typeof lab) => ({ files: g.files, phases: g.phases.map(({ plan: _, ...p }) => p) });
    expect(tree(again)).toEqual(tree(lab));
  });
});
