import { FtkitError } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import {
  buildCheck,
  buildCompact,
  buildCreate,
  buildExtract,
  buildInit,
  buildKeyExport,
  buildList,
  buildPrune,
  parseRepoLocation,
} from '../src/command/build.js';
import { fixture, policyOf } from './helpers.js';

describe('command builders', () => {
  it('builds 1.x command lines with REPO::ARCHIVE', () => {
    expect(buildInit({ repo: '/srv/borg', encryption: 'repokey-blake2', borgVersion: '1.2' })).toEqual([
      'borg',
      'init',
      '--encryption=repokey-blake2',
      '/srv/borg',
    ]);
    expect(
      buildCreate({
        repo: 'ssh://backup@nas:2222/./repo',
        archive: '{hostname}-{now:%Y-%m-%dT%H:%M:%S}',
        paths: ['/etc', '/home/user/file with spaces'],
        compression: 'zstd,3',
        exclude: ['*.tmp'],
        json: true,
        borgVersion: '1.4',
      }),
    ).toEqual([
      'borg',
      'create',
      '--json',
      '--compression',
      'zstd,3',
      '--exclude',
      '*.tmp',
      'ssh://backup@nas:2222/./repo::{hostname}-{now:%Y-%m-%dT%H:%M:%S}',
      '/etc',
      '/home/user/file with spaces',
    ]);
    expect(buildList({ repo: 'user@host:repo', json: true })).toEqual([
      'borg',
      'list',
      '--json',
      'user@host:repo',
    ]);
    expect(buildList({ repo: '/r', archive: 'a1', jsonLines: true, format: '{path}{NL}' })).toEqual([
      'borg',
      'list',
      '--json-lines',
      '--format',
      '{path}{NL}',
      '/r::a1',
    ]);
    expect(buildExtract({ repo: '/r', archive: 'a1', paths: ['-odd'], list: true })).toEqual([
      'borg',
      'extract',
      '--list',
      '--',
      '/r::a1',
      '-odd',
    ]);
    expect(buildKeyExport({ repo: '/r', path: '/root/key.txt', paper: true })).toEqual([
      'borg',
      'key',
      'export',
      '--paper',
      '/r',
      '/root/key.txt',
    ]);
    expect(buildCheck({ repo: '/r', verifyData: true, logJson: true, progress: true })).toEqual([
      'borg',
      '--log-json',
      '--progress',
      'check',
      '--verify-data',
      '/r',
    ]);
    expect(buildCompact({ repo: '/r', threshold: 10 })).toEqual([
      'borg',
      'compact',
      '--threshold',
      '10',
      '/r',
    ]);
  });

  it('builds 2.0 command lines with -r and the renamed commands', () => {
    expect(
      buildInit({ repo: '/r', encryption: 'repokey-aes-ocb', borgVersion: '2.0', binary: 'borg2' }),
    ).toEqual(['borg2', '-r', '/r', 'rcreate', '--encryption=repokey-aes-ocb']);
    expect(buildInit({ repo: '/r', encryption: 'aes256-ocb', borgVersion: '2.0.0b22' })[3]).toBe(
      'repo-create',
    );
    expect(buildList({ repo: '/r', json: true, borgVersion: '2.0.0b5' })).toEqual([
      'borg',
      '-r',
      '/r',
      'rlist',
      '--json',
    ]);
    expect(buildList({ repo: '/r', json: true, borgVersion: '2.0.0b12' })).toEqual([
      'borg',
      '-r',
      '/r',
      'repo-list',
      '--json',
    ]);
    expect(buildCreate({ repo: '/r', archive: 'a', paths: ['data'], borgVersion: '2.0' })).toEqual([
      'borg',
      '-r',
      '/r',
      'create',
      'a',
      'data',
    ]);
    expect(buildKeyExport({ repo: '/r', borgVersion: '2.0' })).toEqual(['borg', '-r', '/r', 'key', 'export']);
  });

  it('reproduces every captured prune command line', () => {
    for (const [dir, v, bin] of [
      ['1.2', '1.2', 'borg'],
      ['1.4', '1.4', 'borg'],
      ['2.0.0b5', '2.0', 'borg2'],
    ] as const) {
      const cmds = JSON.parse(fixture(`${dir}/commands.json`)).commands as {
        id: string;
        command: string;
        exit_code: number;
      }[];
      for (const c of cmds.filter(
        (x) =>
          x.id.startsWith('prune-p') &&
          x.exit_code === 0 &&
          !x.command.includes('--log-json') &&
          !x.command.includes('--info'),
      )) {
        const { policy, prefix } = policyOf(c.command);
        const repo = /(\/home\/user\/backups\/prune-borg\d*)/.exec(c.command)![1]!;
        const argv = buildPrune({
          repo,
          policy,
          dryRun: true,
          list: true,
          borgVersion: v,
          binary: bin,
          ...(prefix ? { glob: `${prefix}*` } : {}),
        });
        expect(argv.map((a) => (a.includes('*') ? `'${a}'` : a)).join(' ')).toBe(c.command);
      }
    }
  });

  it('parses repository locations', () => {
    expect(parseRepoLocation('ssh://user@host:2222/./repo')).toEqual({
      kind: 'ssh',
      user: 'user',
      host: 'host',
      port: 2222,
      path: '/./repo',
    });
    expect(parseRepoLocation('user@host:backups/repo')).toEqual({
      kind: 'scp',
      user: 'user',
      host: 'host',
      path: 'backups/repo',
    });
    expect(parseRepoLocation('/srv/borg')).toEqual({ kind: 'local', path: '/srv/borg' });
  });

  it('refuses what borg would refuse', () => {
    expect(() => buildCreate({ repo: '/r', archive: 'a::b', paths: ['x'] })).toThrow(FtkitError);
    expect(() => buildCreate({ repo: '/r', archive: 'a', paths: ['x'], patterns: ['R /x', 'x y'] })).toThrow(
      expect.objectContaining({ code: 'borg/invalid-pattern', path: ['patterns', 1] }),
    );
    expect(() => buildInit({ repo: '/r', encryption: 'none', borgVersion: '7' })).toThrow(
      expect.objectContaining({ code: 'borg/unknown-version', path: ['borgVersion'] }),
    );
    expect(() => buildCreate({ repo: '/r', archive: 'a', paths: [] })).toThrow(/Missing paths/);
    expect(() => buildPrune({ repo: '/r', policy: {} })).toThrow(/Missing retention/);
    expect(() => buildList({ repo: '/r', archive: 'a', json: true })).toThrow(/jsonLines/);
    expect(() => buildInit({ repo: 'x\ny', encryption: 'none' })).toThrow(/Invalid repository/);
  });
});
