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
      drbdVersion: '9',
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
      '6:7-6:20 error LAB_SPEC_INVALID Expected `single-primary`, `dual-primary`, found `active-active` at `mode`',
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

  it('rejects more than two nodes with DRBD 8.4', () => {
    const text = `drbdVersion: '8.4'\nnodes:\n  - {name: a, address: 10.0.0.1}\n  - {name: b, address: 10.0.0.2}\n  - {name: c, address: 10.0.0.3}\n`;
    expect(lines(text)).toEqual([
      '1:1-1:12 error LAB_SPEC_INVALID Expected at most two nodes with `drbdVersion: 8.4`: more need DRBD 9 at `resources[0].nodes`',
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
