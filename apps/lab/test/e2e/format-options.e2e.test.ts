import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ftkit, nodesUnderTest, tempDir } from './helpers.js';

vi.setConfig({ testTimeout: 240_000 });

// `--rule` and `--set` go to every format a run lints; each format gets the ones it declares.
const node = nodesUnderTest()[0]!;

describe('ftkit lint with options of several formats', () => {
  const dir = tempDir();
  const fstab = join(dir, 'fstab');
  writeFileSync(fstab, '/dev/drbd0 /srv ocfs2 _netdev,heartbeat=local 0 0\n');
  const o2cb = join(dir, 'o2cb');
  writeFileSync(o2cb, 'O2CB_ENABLED=true\nO2CB_BOOTCLUSTER=prod\n');

  it('lints fstab and o2cb together with settings and rules meant for either', () => {
    const r = ftkit(node, [
      'lint',
      fstab,
      o2cb,
      '--set',
      'heartbeatMode=global',
      '--set',
      'hostname=node1',
      '--set',
      'clusterNames=web',
      '--rule',
      'bootcluster-unknown=off',
      '--rule',
      'ocfs2-systemd-requires=off',
      '-f',
      'json',
    ]);
    expect(r.stderr).toBe('');
    const found = JSON.parse(r.stdout).map((f: { file: string; ruleId?: string; code?: string }) => [
      f.file.endsWith('fstab') ? 'fstab' : 'o2cb',
      f.ruleId ?? f.code,
    ]);
    expect(found).toEqual([['fstab', 'ocfs2-heartbeat-option']]);
  });

  it('splits --set clusterNames=a,b into the list o2cb-defaults declares', () => {
    const known = ftkit(node, ['lint', '--kind', 'o2cb-defaults', o2cb, '--set', 'clusterNames=web,prod']);
    expect(known.stdout).not.toContain('bootcluster-unknown');
    const unknown = ftkit(node, ['lint', '--kind', 'o2cb-defaults', o2cb, '--set', 'clusterNames=web,db']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('bootcluster-unknown');
  });

  it('refuses a setting value outside what the format declares, as a usage error', () => {
    const r = ftkit(node, ['lint', '--kind', 'fstab', fstab, '--set', 'heartbeatMode=disk']);
    expect(r.code).toBe(2);
    // The message names the flag (ftkit lint checks --rule and --set before any file is read).
    expect(r.stderr).toBe(
      'ftkit: Invalid --set `heartbeatMode`: `heartbeatMode` must be one of `local`, `global`, not "disk"\n',
    );
  });
});
