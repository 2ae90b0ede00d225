import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bin, envFor, ftkit, type NodeUnderTest, nodesUnderTest, pathFor, root, tempDir } from './helpers.js';

vi.setConfig({ testTimeout: 240_000 });

// `ftkit borg outcome` and `ftkit borg run` as users run them: the built binary as a child
// process. The streams are the ones recorded with the real borg 1.2.4 and borg2 2.0.0b5
// (packages/borg/test/fixtures/outcome/, see packages/borg/test/conformance/outcome.test.ts).
// `borg run` runs a stand-in `borg` (a shell script on PATH that replays a recorded stream and
// exits with the recorded code); the real borg runs in test/conformance/borg-run.test.ts.

const nodes = nodesUnderTest();
const REC = join(root, 'packages/borg/test/fixtures/outcome');
const rec = (tool: string, name: string, ext = 'log-json.jsonl') => join(REC, tool, `${name}.${ext}`);

/** A directory with a `borg` script that logs its argv, replays `name`'s recording and exits `rc`. */
function fakeBorg(tool: string, name: string, rc: number): string {
  const dir = tempDir('ftkit-fake-borg-');
  const stdout = (() => {
    try {
      return readFileSync(rec(tool, name, 'stdout.json'), 'utf8');
    } catch {
      return '';
    }
  })();
  writeFileSync(join(dir, 'stdout.json'), stdout);
  const script = [
    '#!/bin/sh',
    `printf '%s\\n' "$@" > '${join(dir, 'argv.txt')}'`,
    `cat '${rec(tool, name)}' >&2`,
    `cat '${join(dir, 'stdout.json')}'`,
    `exit ${rc}`,
  ].join('\n');
  writeFileSync(join(dir, 'borg'), `${script}\n`);
  chmodSync(join(dir, 'borg'), 0o755);
  return dir;
}

describe.each(nodes)('ftkit borg outcome / run on the $label ($version)', (node: NodeUnderTest) => {
  it('outcome: success, warnings and errors of real runs, with reasons and advice', () => {
    const ok = ftkit(node, [
      'borg',
      'outcome',
      '--rc',
      '0',
      rec('borg', 'success'),
      '--json',
      rec('borg', 'success', 'stdout.json'),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(
      /^success \(rc 0: success\)\n {2}archive ok: 2 files, \d+ bytes read, \d+ bytes new\n$/,
    );

    const changed = ftkit(node, ['borg', 'outcome', '--rc', '1', rec('borg2', 'file-changed')]);
    expect(changed.code).toBe(0);
    expect(changed.stdout.split('\n').slice(0, 3)).toEqual([
      'warning: 1 file changed while reading (rc 1: warning)',
      '  line 10 file-changed big/big.bin: file changed while we backed it up',
      '    → The file was written while borg read it, so its archived copy may be inconsistent: back it up from a snapshot, or when nothing writes it',
    ]);

    const perm = ftkit(node, ['borg', 'outcome', '--rc', '1', rec('borg', 'permission-denied')]);
    expect(perm.stdout).toMatch(
      /^warning: 1 permission denied \(rc 1: warning\)\n {2}line 1 permission-denied \/.*secret\.txt: open: \[Errno 13\] Permission denied/,
    );

    const lock = ftkit(node, ['borg', 'outcome', '--rc', '2', rec('borg2', 'lock-timeout')]);
    expect(lock.code).toBe(1);
    expect(lock.stdout).toContain('error [LockTimeout] Failed to create/acquire the lock');
    expect(lock.stdout).toContain('borg break-lock');

    const pass = ftkit(node, [
      'borg',
      'outcome',
      '--rc',
      '2',
      '--format',
      'json',
      rec('borg', 'passphrase-wrong'),
    ]);
    expect(pass.code).toBe(1);
    expect(JSON.parse(pass.stdout)).toMatchObject({
      verdict: 'error',
      rc: 2,
      reasons: [{ severity: 'error', kind: 'error', msgid: 'PassphraseWrong', line: 1 }],
    });

    const term = ftkit(node, ['borg', 'outcome', '--rc', '143', '-'], {
      input: readFileSync(rec('borg2', 'sigterm'), 'utf8'),
    });
    expect(term.code).toBe(1);
    expect(term.stdout).toMatch(
      /^error: Signal\.SIGTERM: Received SIGTERM \(rc 143: killed by signal 15\)\n/,
    );
  });

  it('outcome: a modern exit code alone, and usage errors', () => {
    const modern = ftkit(node, ['borg', 'outcome', '--rc', '107']);
    expect(modern.code).toBe(0);
    expect(modern.stdout).toMatch(
      /^warning: borg exited with rc 107 \(warning: BackupFileNotFoundError\) and logged no warning message/,
    );
    expect(ftkit(node, ['borg', 'outcome', '--rc', 'x']).stderr).toContain('Invalid --rc `x`');
    expect(ftkit(node, ['borg', 'outcome', '--rc', 'x']).code).toBe(2);
    expect(ftkit(node, ['borg', 'outcome', rec('borg', 'success')]).code).toBe(2);
    expect(ftkit(node, ['borg', 'outcome', '--rc', '0', '--textfile', tempDir()]).stderr).toContain(
      'Missing --repository',
    );
  });

  it('outcome --textfile writes borg.prom atomically and keeps the last success', () => {
    const dir = tempDir();
    const args = ['--textfile', dir, '--repository', '/srv/borg', '--job', 'etc'];
    const ok = ftkit(node, [
      'borg',
      'outcome',
      '--rc',
      '0',
      rec('borg', 'success'),
      '--json',
      rec('borg', 'success', 'stdout.json'),
      ...args,
    ]);
    expect(ok.code).toBe(0);
    const first = readFileSync(join(dir, 'borg.prom'), 'utf8');
    expect(first).toMatch(/^borg_last_run_outcome\{repository="\/srv\/borg",job="etc"\} 0$/m);
    expect(first).toMatch(/^borg_last_archive_files\{repository="\/srv\/borg",job="etc"\} 2$/m);
    const success = /^borg_last_success_timestamp_seconds\{[^}]*\} (\S+)$/m.exec(first)?.[1];
    expect(Number(success)).toBeGreaterThan(1.7e9);
    const failed = ftkit(node, ['borg', 'outcome', '--rc', '2', rec('borg', 'lock-timeout'), ...args]);
    expect(failed.code).toBe(1);
    const second = readFileSync(join(dir, 'borg.prom'), 'utf8');
    expect(second).toMatch(/^borg_last_run_outcome\{repository="\/srv\/borg",job="etc"\} 2$/m);
    expect(second).toContain(
      `borg_last_success_timestamp_seconds{repository="/srv/borg",job="etc"} ${success}`,
    );
    expect(
      ftkit(node, ['borg', 'outcome', '--rc', '0', '--textfile', join(dir, 'missing'), '--repository', 'r'])
        .code,
    ).toBe(2);
  });

  it('run: adds --log-json and --json, shows the log, writes borg.prom, exits with borg’s code', () => {
    for (const [tool, name, rc] of [
      ['borg', 'success', 0],
      ['borg2', 'permission-denied', 1],
      ['borg', 'passphrase-wrong', 2],
    ] as const) {
      const fake = fakeBorg(tool, name, rc);
      const prom = tempDir();
      const r = ftkit(
        node,
        ['borg', 'run', '--textfile', prom, '--job', 'etc', '--', 'borg', 'create', '/srv/borg::a', 'data'],
        {
          env: { PATH: `${fake}:${pathFor(node)}` },
        },
      );
      expect(r.code, `${tool} ${name}`).toBe(rc);
      expect(readFileSync(join(fake, 'argv.txt'), 'utf8')).toBe(
        '--log-json\ncreate\n--json\n/srv/borg::a\ndata\n',
      );
      const text = readFileSync(join(prom, 'borg.prom'), 'utf8');
      expect(text).toMatch(
        new RegExp(`^borg_last_run_outcome\\{repository="/srv/borg",job="etc"\\} ${rc}$`, 'm'),
      );
      expect(text).toMatch(
        new RegExp(`^borg_last_run_exit_code\\{repository="/srv/borg",job="etc"\\} ${rc}$`, 'm'),
      );
      if (name === 'success')
        expect(r.stderr).toMatch(/^success \(rc 0: success\)\n {2}archive ok: 2 files/m);
      if (name === 'permission-denied') {
        expect(r.stderr).toMatch(
          /^WARNING .*secret\.txt: open: \[Errno 13\] Permission denied: 'secret\.txt'$/m,
        );
        expect(r.stderr).toContain('warning: 1 permission denied (rc 1: warning)');
      }
      if (name === 'passphrase-wrong')
        expect(r.stderr).toMatch(/^ERROR {3}passphrase supplied in BORG_PASSPHRASE.* \[PassphraseWrong\]$/m);
    }
  });

  it('run and outcome never print a passphrase borg logged', () => {
    const dir = tempDir('ftkit-fake-borg-');
    const log = join(dir, 'log.jsonl');
    writeFileSync(
      log,
      '{"type": "log_message", "time": 1.0, "message": "Running: BORG_PASSPHRASE=hunter2secret borg create", "levelname": "ERROR", "name": "borg.archiver", "msgid": "Error"}\n',
    );
    writeFileSync(join(dir, 'borg'), `#!/bin/sh\ncat '${log}' >&2\nexit 2\n`);
    chmodSync(join(dir, 'borg'), 0o755);
    const run = ftkit(node, ['borg', 'run', '--', 'borg', 'create', 'r::a', 'x'], {
      env: { PATH: `${dir}:${pathFor(node)}` },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('BORG_PASSPHRASE=«redacted»');
    expect(run.stderr).not.toContain('hunter2secret');
    for (const format of ['text', 'json']) {
      const out = ftkit(node, ['borg', 'outcome', '--rc', '2', '--format', format, log]);
      expect(out.stdout).toContain('«redacted»');
      expect(out.stdout).not.toContain('hunter2secret');
    }
  });

  it('run: a missing borg and a missing command are usage errors', () => {
    const none = ftkit(node, ['borg', 'run', '--', 'no-such-borg-binary', 'create'], {});
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Cannot run `no-such-borg-binary`');
    expect(ftkit(node, ['borg', 'run']).code).toBe(2);
  });

  it('run: SIGTERM reaches borg, which ends with 143', async () => {
    const dir = tempDir('ftkit-fake-borg-');
    mkdirSync(join(dir, 'bin'));
    writeFileSync(
      join(dir, 'bin', 'borg'),
      [
        '#!/bin/sh',
        `trap 'printf "%s\\n" "{\\"type\\": \\"log_message\\", \\"time\\": 1.0, \\"message\\": \\"Received SIGTERM\\", \\"levelname\\": \\"ERROR\\", \\"name\\": \\"borg.archiver\\", \\"msgid\\": \\"Signal.SIGTERM\\"}" >&2; exit 143' TERM`,
        `echo '{"type": "log_message", "time": 1.0, "message": "started", "levelname": "INFO", "name": "borg.archiver"}' >&2`,
        'while :; do sleep 0.05; done',
      ].join('\n'),
    );
    chmodSync(join(dir, 'bin', 'borg'), 0o755);
    const child = spawn(bin, ['borg', 'run', '--', 'borg', 'create', 'r::a', 'x'], {
      env: envFor(node, { PATH: `${join(dir, 'bin')}:${pathFor(node)}` }),
    });
    let stderr = '';
    const started = new Promise<void>((ok) => {
      child.stderr.setEncoding('utf8').on('data', (c: string) => {
        stderr += c;
        if (stderr.includes('started')) ok();
      });
    });
    await started;
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((ok) => child.on('close', ok));
    expect(code).toBe(143);
    expect(stderr).toContain('error: Signal.SIGTERM: Received SIGTERM (rc 143: killed by signal 15)');
  });
});
