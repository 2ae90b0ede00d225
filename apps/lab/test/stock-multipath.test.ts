import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

// /etc/multipath/conf.d/drbd.conf as drbd-utils 9.22 installs it (dpkg -L drbd-utils): a multipath
// blacklist for DRBD devices, not a DRBD configuration.
const stockMultipath = 'blacklist {\n        devnode "^drbd[0-9]+"\n}\n';
// a DRBD file with info findings only (split-brain handler, verify-alg), so it shows in the report
const drbdConf = `resource r0 {
  on alice { device /dev/drbd0; disk /dev/sdb; address 10.1.1.31:7789; meta-disk internal; }
  on bob { device /dev/drbd0; disk /dev/sdb; address 10.1.1.32:7789; meta-disk internal; }
}
`;

function etc() {
  const root = mkdtempSync(join(tmpdir(), 'ftkit-stock-'));
  mkdirSync(join(root, 'etc/multipath/conf.d'), { recursive: true });
  mkdirSync(join(root, 'etc/drbd.d'), { recursive: true });
  writeFileSync(join(root, 'etc/multipath/conf.d/drbd.conf'), stockMultipath);
  writeFileSync(join(root, 'etc/drbd.conf'), drbdConf);
  return root;
}

describe('a stock machine', () => {
  it('lint of /etc does not read drbd-utils’ multipath drop-in as a DRBD file', async () => {
    const { io, stdout } = memoryIo(etc());
    expect(await run(['lint', 'etc'], io)).toBe(0);
    expect(stdout()).toContain('etc/drbd.conf');
    expect(stdout()).toContain('split-brain-handler-missing');
    expect(stdout()).not.toContain('multipath');
  });

  it('a drbd.conf in a conf.d directory with DRBD content is still read as DRBD', async () => {
    const root = etc();
    writeFileSync(join(root, 'etc/multipath/conf.d/drbd.conf'), drbdConf);
    const { io, stdout } = memoryIo(root);
    expect(await run(['lint', 'etc/multipath/conf.d/drbd.conf'], io)).toBe(0);
    expect(stdout()).toContain('split-brain-handler-missing');
  });
});
