import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/index.js';
import { memoryIo } from '../helpers.js';

const fixtures = join(import.meta.dirname, '../../../../packages/ocfs2-cluster-conf/test/fixtures');
const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

async function ftkit(cwd: string, ...argv: string[]) {
  const m = memoryIo(cwd);
  const code = await run(argv, m.io);
  return { code, stdout: m.stdout(), stderr: m.stderr() };
}

describe('ftkit ocfs2 list-cluster', () => {
  const lists = cases.flatMap((c) =>
    readdirSync(join(fixtures, c))
      .filter((f) => f.endsWith('.list.txt') && !c.startsWith('invalid-'))
      .map((f) => [c, f.replace(/\.list\.txt$/, '')] as const),
  );
  it.each(lists)('%s %s prints what o2cb printed', async (c, name) => {
    const r = await ftkit(join(fixtures, c), 'ocfs2', 'list-cluster', 'cluster.conf', name);
    expect(r.stdout).toBe(readFileSync(join(fixtures, c, `${name}.list.txt`), 'utf8'));
    expect(r.code).toBe(0);
  });

  it('agrees with the real o2cb for --oneline', async () => {
    const dir = join(fixtures, 'o2cb-global-3node');
    const real = spawnSync(
      'o2cb',
      ['--config-file=cluster.conf', 'list-cluster', '--oneline', 'webcluster'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    if (real.error) throw new Error('o2cb not found: install ocfs2-tools to run this test');
    const r = await ftkit(dir, 'ocfs2', 'list-cluster', '--oneline', 'cluster.conf', 'webcluster');
    expect(r.stdout).toBe(real.stdout);
  });

  it('explains what o2cb only calls `Unknown code ____ 251`', async () => {
    const r = await ftkit(
      join(fixtures, 'invalid-blank-line-in-stanza'),
      'ocfs2',
      'list-cluster',
      'cluster.conf',
      'ocfs2',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('3:1');
    expect(r.stderr).toContain(
      'Unexpected blank line inside the `cluster` stanza (o2cb refuses the whole file)',
    );
    expect(r.stderr).toContain('Unknown code ____ 251');
  });

  it('fails on an unknown cluster (o2cb exits 0) and suggests a name', async () => {
    const r = await ftkit(
      join(fixtures, 'o2cb-local-2node'),
      'ocfs2',
      'list-cluster',
      'cluster.conf',
      'ocfs',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("ftkit: Unknown cluster 'ocfs' (did you mean 'ocfs2'?)\n");
  });

  it('passes UTF-8 names through like o2cb', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-ocfs2-'));
    writeFileSync(
      join(dir, 'cluster.conf'),
      'cluster:\n\tname = a\n\tnode_count = 1\n\nnode:\n\tname = nœud\n\tcluster = a\n\tnumber = 1\n\tip_address = 10.0.0.1\n\tip_port = 7777\n',
    );
    const real = spawnSync('o2cb', ['--config-file=cluster.conf', 'list-cluster', 'a'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (real.error) throw new Error('o2cb not found: install ocfs2-tools to run this test');
    const r = await ftkit(dir, 'ocfs2', 'list-cluster', 'cluster.conf', 'a');
    expect(r.stdout).toBe(real.stdout);
    expect(r.stdout).toContain('name = nœud');
  });

  it('reports an unreadable file as a usage error', async () => {
    const r = await ftkit(fixtures, 'ocfs2', 'list-cluster', 'missing.conf', 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Cannot read `missing.conf`');
  });
});

describe('ftkit fmt and lint on cluster.conf', () => {
  it.each(cases.filter((c) => c.startsWith('o2cb-')))(
    'fmt --check passes on %s (written by o2cb)',
    async (c) => {
      const r = await ftkit(
        join(fixtures, c),
        'fmt',
        '--check',
        '--kind',
        'ocfs2-cluster-conf',
        'cluster.conf',
      );
      expect(r.stdout).toBe('');
      expect(r.code).toBe(0);
    },
  );

  it('fmt rewrites a hand-edited file to the o2cb layout and keeps comments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-ocfs2-'));
    cpSync(join(fixtures, 'hand-edited-lenient', 'cluster.conf'), join(dir, 'cluster.conf'));
    const check = await ftkit(dir, 'fmt', '--check', '--kind', 'ocfs2-cluster-conf', 'cluster.conf');
    expect(check.code).toBe(1);
    const write = await ftkit(dir, 'fmt', '--write', '--kind', 'ocfs2-cluster-conf', 'cluster.conf');
    expect(write.code).toBe(0);
    const out = readFileSync(join(dir, 'cluster.conf'), 'utf8');
    expect(out).toContain('# a column-0 comment does not end the stanza');
    expect(out.startsWith('# OCFS2 cluster layout for the web tier\n# (hand edited')).toBe(true);
    expect((await ftkit(dir, 'fmt', '--check', '--kind', 'ocfs2-cluster-conf', 'cluster.conf')).code).toBe(0);
  });

  it('lint finds the o2cb-tier errors and the kernel-tier ones', async () => {
    const bad = await ftkit(
      join(fixtures, 'invalid-crlf'),
      'lint',
      '--kind',
      'ocfs2-cluster-conf',
      'cluster.conf',
    );
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('ocfs2/crlf');
    const sem = await ftkit(
      join(fixtures, 'semantic-problems-accepted'),
      'lint',
      '--kind',
      'ocfs2-cluster-conf',
      'cluster.conf',
    );
    expect(sem.code).toBe(1);
    expect(sem.stdout).toContain('node-number-duplicate');
    expect(sem.stdout).toContain('heartbeat-region-format');
  });

  it('lint takes the host context from --set', async () => {
    const dir = join(fixtures, 'o2cb-local-2node');
    const other = await ftkit(
      dir,
      'lint',
      '--kind',
      'ocfs2-cluster-conf',
      '--set',
      'hostname=db7',
      'cluster.conf',
    );
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('No node of cluster `ocfs2` matches the host name `db7`');
    const me = await ftkit(
      dir,
      'lint',
      '--kind',
      'ocfs2-cluster-conf',
      '--set',
      'hostname=NODE1.example.com',
      'cluster.conf',
    );
    expect(me.stdout).not.toContain('node-local-missing');
    const devices = await ftkit(
      join(fixtures, 'o2cb-global-3node'),
      'lint',
      '--kind',
      'ocfs2-cluster-conf',
      '--set',
      'regionDevices=77D95EF51C0149D2823674FCC162CF8B=/dev/nvme0n1',
      'cluster.conf',
    );
    expect(devices.stdout).toContain('heartbeat-device-path');
  });
});
