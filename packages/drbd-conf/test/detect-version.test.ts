import { describe, expect, it } from 'vitest';
import { detectDrbdVersion, lint } from '../src/index.js';

const hosts = `
  on alice { device /dev/drbd0; disk /dev/vdb; address 10.1.1.61:7788; meta-disk internal; }
  on bob { device /dev/drbd0; disk /dev/vdb; address 10.1.1.92:7788; meta-disk internal; }`;

// The original lab's /etc/drbd.conf (DRBD 8.4.11), as its author wrote it.
const originalLab = `global { usage-count no; } common { syncer { rate 100M; } } resource r0 { protocol C; startup { wfc-timeout 15; degr-wfc-timeout 60; } net { cram-hmac-alg sha1; shared-secret "secret"; } on vm1 { device /dev/drbd0; disk /dev/vdb; address 10.1.1.61:7788; meta-disk internal; } on vm2 { device /dev/drbd0; disk /dev/vdb; address 10.1.1.92:7788; meta-disk internal; } }
`;

describe('detectDrbdVersion', () => {
  it('chooses 8.4 for an 8.4-only construct and names it', () => {
    const g = detectDrbdVersion(originalLab);
    expect(g.version).toBe('8.4');
    expect(g.basis).toBe('content');
    expect(g.reason).toContain('`rate`');
    expect(g.evidence?.position.start).toMatchObject({ line: 1, column: 46 });
  });

  it('chooses 9 for a 9-only construct, and 9 by default when both read the file', () => {
    const nine = detectDrbdVersion(`resource r0 { options { quorum majority; }${hosts} }`);
    expect(nine).toMatchObject({ version: '9', basis: 'default' });
    const nodeIds = detectDrbdVersion(
      `resource r0 {${hosts.replace(/device/g, 'node-id 0; device').replace('node-id 0; device /dev/drbd0; disk /dev/vdb; address 10.1.1.92', 'node-id 1; device /dev/drbd0; disk /dev/vdb; address 10.1.1.92')} }`,
    );
    expect(nodeIds.version).toBe('9');
    expect(detectDrbdVersion(`resource r0 {${hosts} }`)).toMatchObject({ version: '9', basis: 'default' });
  });

  it('with constructs of both versions, the one with fewer errors wins', () => {
    const g = detectDrbdVersion(
      `resource r0 { disk { use-bmbv; } volume 0 { device /dev/drbd0; disk none; }${hosts.replace(/device \/dev\/drbd0; disk \/dev\/vdb; /g, 'node-id 0; ').replace('node-id 0; address 10.1.1.92', 'node-id 1; address 10.1.1.92')} }`,
    );
    expect(g.version).toBe('9');
    expect(g.basis).toBe('content');
    expect(g.reason).toMatch(/^DRBD 8\.4 rejects it/);
  });

  it('an error that is not about a version construct does not choose 8.4', () => {
    // 9 limits shared-secret to 63 characters, 8.4 does not: still a DRBD 9 file with an error
    const g = detectDrbdVersion(`resource r0 { net { shared-secret ${'x'.repeat(70)}; }${hosts} }`);
    expect(g).toMatchObject({ version: '9', basis: 'default' });
  });
});

describe('lint without a version', () => {
  it('reads the original lab file as DRBD 8.4, with no error, and says why', () => {
    const r = lint(originalLab);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const assumed = r.diagnostics.filter((d) => d.code === 'drbd/version-assumed');
    expect(assumed).toHaveLength(1);
    expect(assumed[0]).toMatchObject({ severity: 'info' });
    expect(assumed[0]!.message).toMatch(
      /^Assumed DRBD 8\.4: DRBD 9 rejects it \(unknown option `rate` in `syncer`/,
    );
  });

  it('an explicit version (the drbdVersion setting) is used as given, without the note', () => {
    const nine = lint(originalLab, { settings: { drbdVersion: '9' } });
    expect(nine.diagnostics.some((d) => d.code === 'drbd/unknown-option')).toBe(true);
    expect(nine.diagnostics.some((d) => d.code === 'drbd/version-assumed')).toBe(false);
    const set = lint(originalLab, { settings: { drbdVersion: '8.4' } });
    expect(set.diagnostics.some((d) => d.code === 'drbd/version-assumed')).toBe(false);
    expect(set.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
