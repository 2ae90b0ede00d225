import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';

const hosts = `
  on alice { device /dev/drbd0; disk /dev/sda7; address 10.1.1.31:7789; meta-disk internal; }
  on bob { device /dev/drbd0; disk /dev/sda7; address 10.1.1.32:7789; meta-disk internal; }`;
const errors = (text: string) =>
  parse(text, { drbdVersion: '8.3' })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.message}${d.note ? ` (${d.note})` : ''}`);

// What drbdadm-83 rejects and 8.4 accepts (test/conformance/eight-three.test.ts runs drbdadm-83).
describe('DRBD 8.3', () => {
  it('accepts a classic 8.3 resource; its model is an 8.4 model', () => {
    const r = parse(
      `resource r0 { protocol C; syncer { rate 10M; verify-alg sha1; } net { allow-two-primaries; }${hosts} }`,
      {
        drbdVersion: '8.3',
      },
    );
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.model.drbdVersion).toBe('8.4');
  });

  it('needs a protocol in the resource or in common', () => {
    expect(errors(`resource r0 {${hosts} }`)).toEqual([
      'drbd/semantic Missing `protocol` in resource `r0`: DRBD 8.3 needs `protocol A;`, `B;` or `C;` in the resource or in `common`',
    ]);
    expect(errors(`common { protocol C; } resource r0 {${hosts} }`)).toEqual([]);
  });

  it('rejects protocol in net, valued switches, options moved in 8.4, volumes and 8.4 global options', () => {
    expect(errors(`resource r0 { net { protocol C; } protocol C;${hosts} }`)).toEqual([
      'drbd/unknown-option Unknown option `protocol` in `net` options (DRBD 8.3 takes `protocol` at resource level (or in `common`), not in `net`)',
    ]);
    expect(errors(`resource r0 { protocol C; net { allow-two-primaries yes; }${hosts} }`)).toEqual([
      'drbd/syntax Expected `;`, found `yes` (`allow-two-primaries` takes no value in DRBD 8.3)',
    ]);
    expect(errors(`resource r0 { protocol C; disk { resync-rate 10M; }${hosts} }`)).toEqual([
      'drbd/unknown-option Unknown option `resync-rate` in `disk` options (`resync-rate` exists only in DRBD 8.4 and 9)',
    ]);
    expect(errors(`resource r0 { protocol C; net { verify-alg sha1; }${hosts} }`)).toEqual([
      'drbd/unknown-option Unknown option `verify-alg` in `net` options (In DRBD 8.3 `verify-alg` belongs in `syncer { }`)',
    ]);
    expect(
      errors(
        `resource r0 { protocol C; volume 0 { device /dev/drbd0; disk /dev/sda7; meta-disk internal; }${hosts.replace(/device \S+ disk \S+ /g, '')} }`,
      )[0],
    ).toBe(
      'drbd/version Unexpected `volume` in resource `r0`: DRBD 8.3 does not have it (`volume` exists only in DRBD 8.4 and 9)',
    );
    expect(errors(`global { cmd-timeout-short 5; } resource r0 { protocol C;${hosts} }`)[0]).toMatch(
      /^drbd\/version Unexpected `cmd-timeout-short` in the `global` section/,
    );
  });

  it('needs an index for an external meta-disk', () => {
    expect(
      errors(`resource r0 { protocol C;${hosts.replace('meta-disk internal', 'meta-disk /dev/sdb1')} }`),
    ).toEqual([
      'drbd/syntax Expected `[`, found `;` (DRBD 8.3 needs an index for an external meta-disk (`meta-disk /dev/sdb1 [0];`), or `flexible-meta-disk`)',
    ]);
  });
});
