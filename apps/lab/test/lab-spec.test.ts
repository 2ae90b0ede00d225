import { formatDiagnosticLine } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { defaultLabSpec, defineLab, LabSpecCheckedSchema, loadLabSpec } from '../src/index.js';

const lines = (text: string, file = 'lab.yaml') =>
  loadLabSpec(text, file).diagnostics.map(formatDiagnosticLine);

const base = `nodes:
  - name: vm1
    address: 10.1.1.61
  - name: vm2
    address: 10.1.1.92
`;

describe('lab spec', () => {
  it('accepts the default spec and fills defaults', () => {
    const spec = LabSpecCheckedSchema.parse(defaultLabSpec);
    expect(spec.resources[0]).toMatchObject({
      name: 'r0',
      port: 7788,
      protocol: 'C',
      mount: { path: '/srv' },
    });
    expect(spec.ocfs2).toMatchObject({ cluster: 'ocfs2cluster', port: 7777, heartbeatThreshold: 31 });
    expect(defineLab(defaultLabSpec)).toBe(defaultLabSpec);
  });

  it('writes the default spec out in full, so `lab generate` can use it without the schema', () => {
    // The schema accepts it and adds nothing: no default is left to fill.
    expect(LabSpecCheckedSchema.parse(defaultLabSpec)).toStrictEqual(defaultLabSpec);
  });

  it('fills every default from a minimal YAML spec', () => {
    const r = loadLabSpec(base);
    expect(r.diagnostics).toEqual([]);
    expect(r.spec).toMatchObject({
      mode: 'single-primary',
      platform: 'ubuntu-20.04',
      fencing: 'none',
      resources: [{ name: 'r0', device: '/dev/drbd0', disk: '/dev/vdb' }],
    });
  });

  it('points YAML syntax errors at the line', () => {
    expect(lines('nodes:\n  - name: vm1\n   address: [\n')[0]).toMatch(
      /^3:\d+-\d+:\d+ error LAB_SPEC_SYNTAX Invalid YAML: /,
    );
  });

  it('reads JSON with exact positions', () => {
    const json =
      '{\n  "nodes": [\n    {"name": "vm1", "address": "10.1.1.61"},\n    {"name": "vm2", "address": "10.1.1.300"}\n  ]\n}\n';
    expect(lines(json, 'lab.json')).toEqual([
      '4:32-4:44 error LAB_SPEC_INVALID Expected a dotted-quad IPv4 address, found `10.1.1.300` at `nodes[1].address`',
    ]);
  });

  it('explains wrong types, enums and ranges', () => {
    expect(lines(`${base}mode: active-active\nresources:\n  - port: 70000\n    protocol: D\n`)).toEqual([
      '6:7-6:20 error LAB_SPEC_INVALID Expected `single-primary`, `dual-primary`, `single-then-dual-primary`, found `active-active` at `mode`',
      '8:11-8:16 error LAB_SPEC_INVALID Expected a number of at most 65535, found `70000` at `resources[0].port`',
      '9:15-9:16 error LAB_SPEC_INVALID Expected `A`, `B`, `C`, found `D` at `resources[0].protocol`',
    ]);
    expect(lines('nodes: vm1\n')).toEqual([
      '1:8-1:11 error LAB_SPEC_INVALID Expected a list, found `vm1` at `nodes`',
    ]);
  });

  it('checks references and uniqueness across the spec', () => {
    const text = `${base}primary: vm3
resources:
  - port: 7777
  - name: r0
backup:
  server: vm1
  clients:
    - node: vm1
      publicKey: ssh-ed25519 AAAAC3Nza root@vm1
`;
    expect(lines(text)).toEqual([
      '6:10-6:13 error LAB_SPEC_INVALID Unknown node `vm3`: expected one of `vm1`, `vm2` at `primary`',
      '8:11-8:15 error LAB_SPEC_INVALID Expected a port other than 7777: the OCFS2 cluster uses it at `resources[0].port`',
      '9:11-9:13 error LAB_SPEC_INVALID Duplicate resource name `r0` at `resources[1].name`',
      '9:5-9:9 error LAB_SPEC_INVALID Duplicate device `/dev/drbd0` at `resources[1].device`',
      '13:13-13:16 error LAB_SPEC_INVALID Expected a client other than the server `vm1`: a backup on the same machine protects nothing at `backup.clients[0].node`',
    ]);
  });

  it('rejects more than two nodes with DRBD 8.4, at the spec line, with the reason', () => {
    const text = `drbdVersion: '8.4'\nnodes:\n  - {name: a, address: 10.0.0.1}\n  - {name: b, address: 10.0.0.2}\n  - {name: c, address: 10.0.0.3}\n`;
    expect(lines(text)).toEqual([
      '1:14-1:19 error LAB_SPEC_INVALID Expected at most two nodes with DRBD 8.4, found 3: 8.4 replicates between two nodes, more need DRBD 9 (`drbdPackages: linbit`) at `drbdVersion`',
    ]);
    // The platform default (the distribution's 8.4 module) says the same at `nodes`.
    expect(lines(text.replace("drbdVersion: '8.4'\n", ''))[0]).toMatch(
      /^1:1-1:6 error LAB_SPEC_INVALID Expected at most two nodes with DRBD 8\.4, found 3/,
    );
  });

  it('rejects combinations that cannot work, at the spec line', () => {
    const two = `nodes:\n  - {name: a, address: 10.0.0.1}\n  - {name: b, address: 10.0.0.2}\n`;
    expect(
      lines(`mode: dual-primary\n${two}resources:\n  - protocol: A\n    mount: {fsType: ext4}\n`),
    ).toEqual([
      '6:15-6:16 error LAB_SPEC_INVALID Expected protocol `C` in dual-primary mode, found `A`: the kernel refuses two primaries without synchronous replication at `resources[0].protocol`',
      '7:21-7:25 error LAB_SPEC_INVALID Expected `ocfs2` in dual-primary mode, found `ext4`: a non-cluster file system mounted on two primaries is corrupted at `resources[0].mount.fsType`',
    ]);
    const three = `${two}  - {name: c, address: 10.0.0.3}\n`;
    expect(lines(`mode: single-then-dual-primary\ndrbdPackages: linbit\n${three}`)).toEqual([
      '3:1-3:6 error LAB_SPEC_INVALID Expected two nodes on resource `r0` in single-then-dual-primary mode, found 3: DRBD allows at most two primaries at `nodes`',
    ]);
    expect(lines(`drbdPackages: distribution\ndrbdVersion: '9'\n${two}`)).toEqual([
      "2:14-2:17 error LAB_SPEC_INVALID Expected `8.4` with `drbdPackages: distribution`, found `9`: ubuntu-20.04's kernel ships the DRBD 8.4.11 module, DRBD 9 needs LINBIT's packages at `drbdVersion`",
    ]);
    expect(lines(`mode: dual-primary\nfencing: pacemaker\n${two}`)).toEqual([
      '2:10-2:19 error LAB_SPEC_INVALID Missing `pacemaker` settings: `fencing: pacemaker` needs the hypervisor the STONITH device fences through at `fencing`',
    ]);
  });

  it('states the node limits with their reasons', () => {
    const many = (n: number) =>
      `nodes:\n${Array.from({ length: n }, (_, i) => `  - {name: n${i}, address: 10.0.${i >> 8}.${i & 255}}\n`).join('')}`;
    expect(lines(`drbdPackages: linbit\n${many(33)}`)).toEqual([
      '2:1-2:6 error LAB_SPEC_INVALID Expected at most 32 nodes on resource `r0`, found 33: DRBD 9 connects at most 32 hosts per resource at `nodes`',
    ]);
    expect(lines(`drbdPackages: linbit\n${many(32)}`)).toEqual([]);
    expect(lines(`ocfs2: {slots: 256}\n${many(2)}`)).toEqual([
      '1:16-1:19 error LAB_SPEC_INVALID Expected at most 255 slots, found 256: OCFS2 has 255 node slots at `ocfs2.slots`',
    ]);
    expect(lines(`fencing: pacemaker\npacemaker: {hypervisor: 10.0.0.254}\n${many(2)}`)).toEqual([
      '1:10-1:19 error LAB_SPEC_INVALID Expected `fencing: none` in single-primary mode: the lab generates Pacemaker for the dual-primary OCFS2 setup only at `fencing`',
    ]);
  });

  it('never throws on garbage', () => {
    for (const t of ['', '---\n', '[', '{"nodes": null}', ':\n:\n', '\u0000', 'a: *x\n']) {
      const r = loadLabSpec(t);
      expect(r.spec).toBeUndefined();
      expect(r.diagnostics.length).toBeGreaterThan(0);
    }
  });
});
