import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

const conf = `global { usage-count no; }
include "drbd.d/*.res";
`;
const res = `# data volume
resource r0 {
  net { protocol C; cram-hmac-alg sha1; shared-secret "hunter2"; }
  on alice { device /dev/drbd0; disk /dev/sdb; address 10.1.1.31:7789; meta-disk internal; }
  on bob { device /dev/drbd0; disk /dev/sdb; address 10.1.1.32:7789; meta-disk internal; }
}
`;

function tree() {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-drbd-cli-'));
  writeFileSync(join(dir, 'drbd.conf'), conf);
  const d = join(dir, 'drbd.d');
  mkdirSync(d);
  writeFileSync(join(d, 'r0.res'), res);
  return dir;
}

describe('ftkit drbd', () => {
  it('dump follows includes and prints what drbdadm prints', async () => {
    const dir = tree();
    const { io, stdout } = memoryIo(dir);
    expect(await run(['drbd', 'dump', 'drbd.conf', '--host', 'alice'], io)).toBe(0);
    const out = stdout();
    expect(out).toContain('# resource r0 on alice: not ignored, not stacked');
    expect(out).toContain(`# defined at ${join(dir, 'drbd.d/r0.res')}:2`);
    expect(out).toContain('        node-id 0;\n        device           /dev/drbd0 minor 0;');
    expect(out).toContain('        shared-secret    hunter2;');
    const redacted = memoryIo(dir);
    expect(await run(['drbd', 'dump', 'drbd.conf', '--host', 'alice', '--redact'], redacted.io)).toBe(0);
    expect(redacted.stdout()).toContain('        shared-secret    "«redacted»";');
    expect(redacted.stdout()).not.toContain('hunter2');
  });

  it('dump exits 1 with positions when drbdadm would reject the file, without showing secrets', async () => {
    const dir = tree();
    writeFileSync(join(dir, 'drbd.d/r0.res'), res.replace('protocol C;', 'protocol C'));
    const { io, stderr } = memoryIo(dir);
    expect(await run(['drbd', 'dump', 'drbd.conf'], io)).toBe(1);
    expect(stderr()).toMatch(/3:\d+ +error +Expected `;`, found `cram-hmac-alg`/);
    expect(stderr()).toContain('drbd.d/r0.res');
  });

  it('lint detects drbd files by name, redacts secrets and reports rule findings', async () => {
    const dir = tree();
    const { io, stdout } = memoryIo(dir);
    const code = await run(['lint', 'drbd.d/r0.res', '--rule', 'shared-secret-weak=error'], io);
    expect(code).toBe(1);
    expect(stdout()).toContain('shared-secret-weak');
    expect(stdout()).not.toContain('hunter2');
  });

  it('lint gives drbd files only their own rules and settings of a mixed command line', async () => {
    // drbd-conf refuses rule ids and settings it does not know (FtkitError); the CLI's --rule and
    // --set apply to every file, so each format gets its share.
    const dir = tree();
    writeFileSync(join(dir, 'fstab'), '/dev/sdb1 /srv ext4 defaults 0 2\n');
    const { io, stdout, stderr } = memoryIo(dir);
    const args = ['lint', 'drbd.d/r0.res', 'fstab', '--set', 'hostname=alice', '--set', 'drbdVersion=9'];
    const code = await run(
      [...args, '--rule', 'shared-secret-weak=error', '--rule', 'option-unknown=off'],
      io,
    );
    expect(stderr()).toBe('');
    expect(code).toBe(1);
    expect(stdout()).toContain('shared-secret-weak');
  });

  it('fmt re-indents and keeps comments', async () => {
    const dir = tree();
    const { io, stdout } = memoryIo(dir);
    expect(await run(['fmt', 'drbd.d/r0.res'], io)).toBe(0);
    expect(stdout()).toContain('# data volume\nresource r0 {\n    net {\n        protocol C;');
  });

  it('migrate --to 9 --write rewrites an 8.4 file', async () => {
    const dir = tree();
    const f = join(dir, 'drbd.d/r0.res');
    writeFileSync(f, res.replace('net {', 'syncer { rate 10M; } net {'));
    const { io, stderr } = memoryIo(dir);
    expect(await run(['drbd', 'migrate', 'drbd.d/r0.res', '--to', '9', '--write'], io)).toBe(0);
    expect(stderr()).toContain('moved `syncer { rate }` to `disk { resync-rate }`');
    const text = readFileSync(f, 'utf8');
    expect(text).toContain('resync-rate 10M;');
    expect(text).toContain('# data volume');
    expect(text).not.toContain('syncer');
  });
});

describe('ftkit drbd dump --sysroot', () => {
  it('reads absolute includes of a tree kept in a repository under the sysroot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-drbd-sysroot-'));
    mkdirSync(join(dir, 'etc/drbd.d'), { recursive: true });
    writeFileSync(join(dir, 'etc/drbd.conf'), 'include "/etc/drbd.d/*.res";\n');
    writeFileSync(join(dir, 'etc/drbd.d/r0.res'), res);
    const m = memoryIo(dir);
    expect(await run(['drbd', 'dump', '--host', 'alice', '--sysroot', '.', 'etc/drbd.conf'], m.io)).toBe(0);
    // Paths are the host's, as drbdadm on the host prints them.
    expect(m.stdout()).toContain('# /etc/drbd.conf');
    expect(m.stdout()).toContain('resource r0 {');
    // Without it the include points at this machine's /etc, outside the file's directory.
    const plain = memoryIo(dir);
    expect(await run(['drbd', 'dump', '--host', 'alice', 'etc/drbd.conf'], plain.io)).toBe(1);
    expect(plain.stderr()).toContain('points outside the allowed root');
    const outside = memoryIo(dir);
    expect(await run(['drbd', 'dump', '--sysroot', 'etc', '--root', '.', 'etc/drbd.conf'], outside.io)).toBe(
      2,
    );
    expect(outside.stderr()).toMatch(/lies outside --sysroot/);
  });
});
