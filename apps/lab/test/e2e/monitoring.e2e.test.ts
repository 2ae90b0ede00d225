import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fixtures, ftkit, type NodeUnderTest, nodesUnderTest, root } from './helpers.js';

vi.setConfig({ testTimeout: 240_000 });

// `ftkit status --check` (a Nagios/Icinga plugin) and `ftkit events2 --alert`, run as shipped:
// node_modules/.bin/ftkit as a child process on every Node under test.

const fx = (name: string) => join(fixtures, name);
// biome formats JSON outside test/fixtures, so this one is read where it lives (see its SOURCES.md)
const quorumLost = join(
  root,
  'packages/proc-drbd/test/fixtures/status-json-diskless-client-quorum-lost-standalone.json',
);
const perf =
  /\| resources=\d+;;;0 connections=\d+;;;0 connected=\d+;;;0 disks=\d+;;;0 disks_uptodate=\d+;;;0 syncing=\d+;;;0 out_of_sync=\d+B;;;0$/;

describe.each(nodesUnderTest())('on the $label ($version)', (node: NodeUnderTest) => {
  it('status --check: one line with perf data, exit 0 OK / 1 WARNING / 2 CRITICAL / 3 UNKNOWN', () => {
    const ok = ftkit(node, ['status', '--check', fx('proc-drbd.txt')]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^DRBD OK - 1 resource, 1 of 1 connections Connected, 1 of 1 disks UpToDate /);
    expect(ok.stdout.trimEnd()).toMatch(perf);
    expect(ok.stdout.split('\n')).toHaveLength(2);

    const warning = ftkit(node, ['status', '--check', fx('proc-drbd-split-brain.txt')]);
    expect(warning.code).toBe(1);
    expect(warning.stdout).toMatch(
      /^DRBD WARNING - 2 resources: .*found StandAlone with 42201088 bytes out of sync \(split brain suspected\)/,
    );
    expect(warning.stdout.trimEnd()).toMatch(perf);

    const critical = ftkit(node, ['status', '--check', quorumLost]);
    expect(critical.code).toBe(2);
    expect(critical.stdout).toMatch(
      /^DRBD CRITICAL - 1 resource: I\/O on `db` is suspended \(quorum\); Volume 0 of `db` has lost quorum/,
    );
    expect(critical.stdout.trimEnd()).toMatch(perf);

    const missing = ftkit(node, ['status', '--check', fx('no-such-file')]);
    expect(missing).toMatchObject({ code: 3, stderr: '' });
    expect(missing.stdout).toMatch(
      /^DRBD UNKNOWN - Cannot read `.*no-such-file`: no such file or directory\n$/,
    );

    const garbage = ftkit(node, ['status', '--check', '-'], { input: 'hello\n' });
    expect(garbage).toEqual({
      code: 3,
      stdout: 'DRBD UNKNOWN - the input is not DRBD status output\n',
      stderr: '',
    });
    expect(ftkit(node, ['status', '--check', '--json', fx('proc-drbd.txt')]).code).toBe(3);
  });

  it('events2 --alert: one line per transition into an unhealthy state, exit 1 if any', () => {
    const r = ftkit(node, ['events2', '--alert', fx('events2-stream.txt')]);
    expect(r).toEqual({
      code: 1,
      stdout: [
        '2024-06-20T10:17:03.551920+02:00 disconnect r0 beta: connection NetworkFailure',
        '2024-06-20T10:30:20.101517+02:00 disconnect r0 beta: connection Disconnecting',
        '2024-06-20T10:30:20.127015+02:00 disk-failed r0 volume:0: disk Diskless (not a diskless client)',
        '',
      ].join('\n'),
      stderr: '',
    });
    const stdin = ftkit(node, ['events2', '--alert'], {
      input:
        'exists resource name:r0 role:Primary suspended:no\nexists -\ncall helper name:r0 peer-node-id:1 conn-name:b volume:0 minor:0 helper:split-brain\n',
    });
    expect(stdin).toEqual({
      code: 1,
      stdout: 'split-brain r0 b: the kernel called the `split-brain` handler\n',
      stderr: '',
    });
    expect(ftkit(node, ['events2', '--alert', fx('events2.txt')])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });
});
