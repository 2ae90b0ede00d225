import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearestDrbdVersion, parseDrbdVersion } from '../src/commands/drbd-version.js';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

// The original lab's /etc/drbd.conf (DRBD 8.4.11), one line as in the report it comes from.
const originalLab = `global { usage-count no; } common { syncer { rate 100M; } } resource r0 { protocol C; startup { wfc-timeout 15; degr-wfc-timeout 60; } net { cram-hmac-alg sha1; shared-secret "secret"; } on vm1 { device /dev/drbd0; disk /dev/vdb; address 10.1.1.61:7788; meta-disk internal; } on vm2 { device /dev/drbd0; disk /dev/vdb; address 10.1.1.92:7788; meta-disk internal; } }
`;

function dir() {
  const d = mkdtempSync(join(tmpdir(), 'ftkit-drbd-version-'));
  writeFileSync(join(d, 'drbd.conf'), originalLab);
  return d;
}

describe('--drbd-version', () => {
  it('parses 9, 8.4 and 8.3 and suggests the nearest for anything else', () => {
    expect(parseDrbdVersion('9')).toBe('9');
    expect(parseDrbdVersion(8.4)).toBe('8.4');
    expect(parseDrbdVersion('8.3')).toBe('8.3');
    expect(() => parseDrbdVersion('8')).toThrow('expected 9, 8.4 or 8.3 (did you mean 8.4?)');
    expect(nearestDrbdVersion('8.4.11')).toBe('8.4');
    expect(nearestDrbdVersion('83')).toBe('8.3');
    expect(nearestDrbdVersion('v9.2')).toBe('9');
    expect(nearestDrbdVersion('seven')).toBeUndefined();
  });

  it('lint reads the original lab drbd.conf as 8.4 without an error and says why', async () => {
    const { io, stdout } = memoryIo(dir());
    expect(await run(['lint', 'drbd.conf'], io)).toBe(0);
    expect(stdout()).toMatch(
      /info +Assumed DRBD 8\.4: DRBD 9 rejects it \(unknown option `rate` in `syncer`/,
    );
    expect(stdout()).toContain('drbd/version-assumed');
  });

  it('lint --drbd-version 9 and its alias --set drbdVersion=9 read it as DRBD 9', async () => {
    for (const args of [
      ['--drbd-version', '9'],
      ['--set', 'drbdVersion=9'],
    ]) {
      const { io, stdout } = memoryIo(dir());
      expect(await run(['lint', ...args, 'drbd.conf'], io)).toBe(1);
      expect(stdout()).toMatch(/error +Unknown option `rate` in `syncer` options/);
      expect(stdout()).not.toContain('version-assumed');
    }
  });

  it('a bad version, an unknown --set key or two versions that disagree exit 2', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['lint', '--drbd-version', '8', 'drbd.conf'],
        /argument '8' is invalid\. expected 9, 8\.4 or 8\.3 \(did you mean 8\.4\?\)/,
      ],
      [
        ['lint', '--set', 'drbdVersion=8.5', 'drbd.conf'],
        /Invalid --set drbdVersion=8\.5: expected 9, 8\.4 or 8\.3 \(did you mean 8\.4\?\)/,
      ],
      [
        ['lint', '--set', 'drbdVersoin=9', 'drbd.conf'],
        /Unknown --set key `drbdVersoin`: did you mean `drbdVersion`\?/,
      ],
      [['lint', '--drbd-version', '9', '--set', 'drbdVersion=8.4', 'drbd.conf'], /disagree/],
      [['fmt', '--drbd-version', '10', 'drbd.conf'], /expected 9, 8\.4 or 8\.3/],
      [['drbd', 'dump', '--drbd-version', '84', 'drbd.conf'], /did you mean 8\.4\?/],
      [['drbd', 'migrate', '--drbd-version', '9', 'drbd.conf'], /already DRBD 9/],
      [['lab', 'check', '--drbd-version', 'x', '.'], /expected 9, 8\.4 or 8\.3/],
    ];
    for (const [args, message] of cases) {
      const { io, stderr } = memoryIo(dir());
      expect(await run(args, io), args.join(' ')).toBe(2);
      expect(stderr()).toMatch(message);
    }
  });

  it('drbd dump without a version prints what drbdadm-84 prints and says on stderr why', async () => {
    const { io, stdout, stderr } = memoryIo(dir());
    expect(await run(['drbd', 'dump', '--host', 'vm1', 'drbd.conf'], io)).toBe(0);
    expect(stderr()).toMatch(/^ftkit: assumed DRBD 8\.4: DRBD 9 rejects it/);
    // 8.4 adds its global defaults and moves `syncer { rate }` to `disk { resync-rate }`
    expect(stdout()).toContain('    cmd-timeout-medium 600;\n');
    expect(stdout()).toContain('    disk {\n        resync-rate      100M;\n    }\n');
  });

  it('lint --drbd-version 8.3 checks what drbdadm-83 checks', async () => {
    const { io, stdout } = memoryIo(dir());
    expect(await run(['lint', '--drbd-version', '8.3', 'drbd.conf'], io)).toBe(0);
    expect(stdout()).not.toContain('version-assumed');
    const d = dir();
    writeFileSync(
      join(d, 'r.res'),
      originalLab.replace('protocol C; ', '').replace('net {', 'net { protocol C;'),
    );
    const eight = memoryIo(d);
    expect(await run(['lint', '--drbd-version', '8.3', 'r.res'], eight.io)).toBe(1);
    expect(eight.stdout()).toMatch(/error +Unknown option `protocol` in `net` options/);
    expect(eight.stdout()).toContain('DRBD 8.3 takes `protocol` at resource level');
  });

  it('drbd dump --drbd-version 8.3 prints what drbdadm-83 prints', async () => {
    const { io, stdout } = memoryIo(dir());
    expect(await run(['drbd', 'dump', '--drbd-version', '8.3', '--host', 'vm1', 'drbd.conf'], io)).toBe(0);
    // 8.3 keeps `syncer`, prints the resource's protocol above its hosts and no `# defined at`
    expect(stdout()).toContain('common {\n    syncer {\n        rate             100M;\n    }\n}\n');
    expect(stdout()).toContain('resource r0 {\n    protocol               C;\n    on vm1 {\n');
    expect(stdout()).not.toContain('# defined at');
  });

  it('drbd migrate defaults to --to 9; 8.3 input is read with the 8.4 grammar and says so', async () => {
    const { io, stdout, stderr } = memoryIo(dir());
    expect(await run(['drbd', 'migrate', '--drbd-version', '8.3', 'drbd.conf'], io)).toBe(0);
    expect(stdout()).toContain('resync-rate 100M;');
    expect(stderr()).toContain('DRBD 8.3 files are read with the 8.4 grammar');
  });

  it('fmt takes --drbd-version', async () => {
    const { io, stdout } = memoryIo(dir());
    expect(await run(['fmt', '--drbd-version', '8.4', 'drbd.conf'], io)).toBe(0);
    expect(stdout()).toContain('common {\n    syncer {\n        rate 100M;\n    }\n}');
  });

  it('drbd migrate names problems DRBD 9 would still reject at their place in the input', async () => {
    // /work/shared/reliability/migrate-wrong-position.res: the error was shown at 3:17 of a one-line file
    const d = dir();
    writeFileSync(join(d, 'r.res'), 'resource r{disk{fencing l;}}\n');
    const { io, stdout, stderr } = memoryIo(d);
    expect(await run(['drbd', 'migrate', 'r.res'], io)).toBe(1);
    const line =
      stdout()
        .split('\n')
        .findIndex((l) => l.includes('fencing l;')) + 1;
    expect(line).toBe(3);
    // `fencing l;` moved from `disk` to `net`: reported where it stands in the one-line input
    expect(stderr()).toMatch(/^r\.res\n {2}1:17 +error +Invalid value `l` for `fencing`/m);
  });
});

describe('lab check without --drbd-version', () => {
  // A node tree laid out like `/` that holds the original lab's 8.4 drbd.conf, as on its machines.
  function node() {
    const d = mkdtempSync(join(tmpdir(), 'ftkit-lab-check-84-'));
    mkdirSync(join(d, 'vm1/etc'), { recursive: true });
    writeFileSync(join(d, 'vm1/etc/hostname'), 'vm1\n');
    writeFileSync(join(d, 'vm1/etc/drbd.conf'), originalLab);
    return d;
  }

  it('reads an 8.4 tree as 8.4, as lint does, and says why', async () => {
    const { io, stdout } = memoryIo(node());
    expect(await run(['lab', 'check', '--no-color', 'vm1=vm1'], io)).toBe(0);
    expect(stdout()).toContain('drbd/version-assumed');
    expect(stdout()).toContain('(0 errors,');
  });

  it('still reads it as DRBD 9 when asked, and then finds the 8.4-only syntax', async () => {
    const { io, stdout } = memoryIo(node());
    expect(await run(['lab', 'check', '--no-color', '--drbd-version', '9', 'vm1=vm1'], io)).toBe(1);
    expect(stdout()).toMatch(/`rate`/);
  });
});
