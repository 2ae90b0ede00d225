import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EXT4_OPTIONS,
  GENERIC_OPTIONS,
  OCFS2_OPTIONS,
  type OptionSpec,
  XFS_OPTIONS,
} from '../../src/index.js';
import { requireFindmnt } from '../helpers.js';

// Oracle: `findmnt --fstab --verify --verbose` sorts each entry's options into the classes
// libmount knows — "VFS options" (mount flags), "userspace options" (mount(8)/systemd only) and
// "FS options" (passed to the filesystem). ftkit's generic table must be exactly libmount's VFS
// and userspace options (plus the SELinux context options, which libmount hands to the kernel as
// filesystem data and every filesystem accepts), and every filesystem-specific option must be
// one libmount passes to the filesystem.

const dir = mkdtempSync(join(tmpdir(), 'ftkit-fstab-opts-'));

function classify(options: readonly string[]): Record<'VFS' | 'FS' | 'userspace', string[]> {
  requireFindmnt();
  const file = join(dir, 'opts.fstab');
  writeFileSync(file, `/dev/ftkit-none /ftkit-none ext4 ${options.join(',')} 0 0\n`);
  const r = spawnSync('findmnt', ['--fstab', '--verify', '--verbose', '--tab-file', file], {
    encoding: 'utf8',
  });
  const out = `${r.stdout}${r.stderr}`;
  const get = (label: string) =>
    (new RegExp(`\\] ${label} options: (.*)$`, 'm').exec(out)?.[1] ?? '').split(',').filter(Boolean);
  return { VFS: get('VFS'), FS: get('FS'), userspace: get('userspace') };
}

const written = (o: OptionSpec) =>
  o.kind === 'string' || o.kind === 'int' || o.kind === 'enum' ? `${o.name}=${o.values?.[0] ?? '1'}` : o.name;
const LSM = new Set(['context', 'fscontext', 'defcontext', 'rootcontext']);

describe('option classes agree with libmount', () => {
  it('generic options are VFS or userspace options for libmount', () => {
    const generic = [...GENERIC_OPTIONS.values()].filter((o) => o.name !== 'defaults');
    const c = classify(generic.map(written));
    const fsNames = c.FS.map((o) => o.split('=')[0]!);
    expect(fsNames.sort()).toEqual([...LSM].sort());
    const known = new Set([...c.VFS, ...c.userspace].map((o) => o.split('=')[0]!));
    expect(generic.filter((o) => !LSM.has(o.name) && !known.has(o.name)).map((o) => o.name)).toEqual([]);
  });

  it.each([
    ['ocfs2', OCFS2_OPTIONS],
    ['ext4', EXT4_OPTIONS],
    ['xfs', XFS_OPTIONS],
  ] as const)('%s options are filesystem options for libmount', (_fs, table) => {
    const specs = [...table.values()];
    const c = classify(specs.map(written));
    const notFs = [...c.VFS, ...c.userspace];
    expect(notFs).toEqual([]);
    expect(c.FS.length).toBe(specs.length);
  });
});
