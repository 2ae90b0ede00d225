import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ftkit, nodesUnderTest, tempDir } from '../e2e/helpers.js';

// `ftkit borg run` with the real borg 1.2 and borg2 (the built binary as a child process), and
// `promtool check metrics` on the borg.prom it writes.

const node = nodesUnderTest()[0]!;

function promtool(file: string) {
  const r = spawnSync('promtool', ['check', 'metrics'], {
    input: readFileSync(file, 'utf8'),
    encoding: 'utf8',
  });
  if (r.error) throw new Error('promtool is not installed (Debian: apt-get install prometheus)');
  return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
}

describe.each([
  [
    'borg',
    (repo: string, ...rest: string[]) => [
      'borg',
      ...rest.slice(0, 1),
      ...(rest[0] === 'create' ? [`${repo}::${rest[1]}`, ...rest.slice(2)] : [repo]),
    ],
  ],
  ['borg2', (repo: string, ...rest: string[]) => ['borg2', '-r', repo, ...rest]],
] as const)('ftkit borg run with the real %s', (tool, argv) => {
  it('success, then a wrong passphrase: exit codes, log, borg.prom', () => {
    const root = tempDir(`ftkit-${tool}-run-`);
    const env = {
      HOME: root,
      BORG_BASE_DIR: join(root, 'base'),
      BORG_PASSPHRASE: 'secret123',
      TZ: 'UTC',
    };
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data', 'a.txt'), 'a\n');
    const repo = join(root, 'repo');
    const init = spawnSync(
      tool,
      tool === 'borg' ? ['init', '-e', 'repokey', repo] : ['-r', repo, 'rcreate', '-e', 'repokey-aes-ocb'],
      {
        env: { ...process.env, ...env },
        encoding: 'utf8',
      },
    );
    expect(init.status, init.stderr).toBe(0);
    const prom = join(root, 'prom');
    mkdirSync(prom);
    const ok = ftkit(
      node,
      [
        'borg',
        'run',
        '--textfile',
        prom,
        '--repository',
        repo,
        '--job',
        'data',
        '--',
        ...argv(repo, 'create', 'first', 'data'),
      ],
      {
        cwd: root,
        env,
      },
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toMatch(/^success \(rc 0: success\)\n {2}archive first: 1 files/m);
    expect(promtool(join(prom, 'borg.prom'))).toEqual({ status: 0, output: '' });
    const text = readFileSync(join(prom, 'borg.prom'), 'utf8');
    expect(text).toContain(`borg_last_archive_files{repository="${repo}",job="data"} 1`);

    const bad = ftkit(
      node,
      [
        'borg',
        'run',
        '--textfile',
        prom,
        '--repository',
        repo,
        '--job',
        'data',
        '--',
        ...argv(repo, 'create', 'second', 'data'),
      ],
      {
        cwd: root,
        env: { ...env, BORG_PASSPHRASE: 'wrong' },
      },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('[PassphraseWrong]');
    expect(bad.stderr).toContain('The passphrase is wrong');
    expect(bad.stderr).not.toContain('wrong\n');
    expect(promtool(join(prom, 'borg.prom'))).toEqual({ status: 0, output: '' });
    const after = readFileSync(join(prom, 'borg.prom'), 'utf8');
    expect(after).toContain(`borg_last_run_outcome{repository="${repo}",job="data"} 2`);
    expect(after).toContain(`borg_last_archive_files{repository="${repo}",job="data"} 1`);
  });
});
