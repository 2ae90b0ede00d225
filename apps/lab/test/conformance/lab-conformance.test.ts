import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  borgCommands,
  defaultLabSpec,
  generateLab,
  type LabFile,
  LabSpecCheckedSchema,
  labFiles,
  writeLab,
} from '../../src/index.js';

// borg 1.2 (Debian 12), the borg installed here; the 1.1 commands are checked against its docs
// in lab-borg11.test.ts.
const spec = LabSpecCheckedSchema.parse({ ...defaultLabSpec, platform: 'debian-12' });

/** Fails (never skips) when a real tool is missing. */
function tool(path: string, pkg: string): string {
  const found = path.startsWith('/')
    ? existsSync(path)
      ? path
      : undefined
    : spawnSync('sh', ['-c', `command -v ${path}`])
        .stdout.toString()
        .trim() || undefined;
  if (!found)
    throw new Error(
      `\`${path}\` is not installed: run \`apt-get install ${pkg}\` (the lab conformance tests need it)`,
    );
  return found;
}

function out(mode: 'single-primary' | 'dual-primary', drbdVersion: '9' | '8.4') {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-lab-conf-'));
  const g = generateLab(spec, { mode, drbdVersion });
  writeLab(dir, g);
  return { dir, files: labFiles(g) };
}

/**
 * Runs a command as if on host `host` with address `ip` (own UTS and network namespaces, so
 * drbdadm's host-name match and IP verification see the lab node), returning status and output.
 */
function asHost(host: string, ip: string, cwd: string, argv: string[]) {
  const script = `hostname ${host} && ip link set lo up && ip addr add ${ip}/32 dev lo && exec "$@"`;
  const r = spawnSync('unshare', ['-u', '-n', 'sh', '-c', script, 'sh', ...argv], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the real tools accept the generated lab', () => {
  for (const mode of ['single-primary', 'dual-primary'] as const) {
    for (const [version, bin] of [
      ['9', 'drbdadm'],
      ['8.4', '/usr/lib/drbd/drbdadm-84'],
    ] as const) {
      it(`${bin} dumps r0 on each node (${mode}, DRBD ${version})`, () => {
        const drbdadm = tool(bin, 'drbd-utils');
        tool('unshare', 'util-linux');
        tool('ip', 'iproute2');
        const { dir } = out(mode, version);
        for (const [node, ip] of [['vm1', '10.1.1.61'] as const, ['vm2', '10.1.1.92'] as const]) {
          const r = asHost(node, ip, join(dir, node, 'etc'), [drbdadm, '-c', 'drbd.d/r0.res', 'dump', 'r0']);
          // drbdadm 9 asks modinfo for the kernel module's version: without modinfo the shell
          // says so, with modinfo but no DRBD module modinfo does. Either way the 9 parser runs.
          const noModule = /^(?:sh: 1: modinfo: not found|modinfo: ERROR: Module drbd not found\.)\n/gm;
          expect(r.stderr.replace(noModule, ''), `${bin} on ${node}`).toBe('');
          expect(r.status).toBe(0);
          expect(r.stdout).toContain(`# resource r0 on ${node}: not ignored, not stacked`);
          if (mode === 'dual-primary') expect(r.stdout).toMatch(/allow-two-primaries\s+yes;/);
        }
      });
    }
  }

  it("o2cb lists the cluster from each node's cluster.conf", () => {
    const o2cb = tool('o2cb', 'ocfs2-tools');
    const { dir } = out('dual-primary', '9');
    for (const node of ['vm1', 'vm2']) {
      const text = execFileSync(
        o2cb,
        [`--config-file=${join(dir, node, 'etc/ocfs2/cluster.conf')}`, 'list-cluster', 'ocfs2cluster'],
        { encoding: 'utf8' },
      );
      expect(text).toContain('name = vm1');
      expect(text).toContain('ip_address = 10.1.1.92');
      expect(text).toContain('ip_port = 7777');
      expect(text).toContain('heartbeat_mode = local');
    }
  });

  it('systemd-analyze verify accepts the backup units', () => {
    const sa = tool('systemd-analyze', 'systemd');
    tool('/usr/bin/borg', 'borgbackup');
    const { dir } = out('single-primary', '9');
    const units = join(dir, 'vm2/etc/systemd/system');
    const names = ['borg-backup', 'borg-prune', 'borg-check'].flatMap((n) => [
      `./${n}.service`,
      `./${n}.timer`,
    ]);
    const r = spawnSync(sa, ['verify', ...names], { cwd: units, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // The original lab's units (borg 1.1: prune without compact) too.
    const dir11 = mkdtempSync(join(tmpdir(), 'ftkit-lab-units11-'));
    writeLab(dir11, generateLab(LabSpecCheckedSchema.parse(defaultLabSpec)));
    const units11 = join(dir11, 'phase-2-dual-primary/vm2/etc/systemd/system');
    expect(readFileSync(join(units11, 'borg-prune.service'), 'utf8')).not.toContain('compact');
    const r11 = spawnSync(sa, ['verify', ...names], { cwd: units11, encoding: 'utf8' });
    expect(r11.stderr).toBe('');
    expect(r11.status).toBe(0);
  });

  // Eight borg processes, each starting Python (init also derives a key): about a minute on a busy
  // two-core CI machine.
  it("borg runs the runbook's init, create, check, prune and compact against a local repository", {
    timeout: 180_000,
  }, () => {
    const borg = tool('/usr/bin/borg', 'borgbackup');
    const work = mkdtempSync(join(tmpdir(), 'ftkit-lab-borg-'));
    const data = join(work, 'home');
    mkdirSync(join(data, 'alice/.cache'), { recursive: true });
    writeFileSync(join(data, 'alice/notes.txt'), 'hello\n');
    writeFileSync(join(data, 'alice/.cache/junk'), 'junk\n');
    const repo = join(work, 'BackupRepo');
    const b = spec.backup!;
    const client = { ...b.clients[0]!, paths: [data], excludes: [join(data, '*/.cache')] };
    const cmds = borgCommands(b, client, repo);
    const env = {
      ...process.env,
      BORG_PASSPHRASE: 'lab-test-passphrase',
      BORG_BASE_DIR: join(work, 'base'),
      BORG_RELOCATED_REPO_ACCESS_IS_OK: 'yes',
    };
    const runBorg = (argv: string[]) => {
      const r = spawnSync(borg, argv.slice(1), { env, encoding: 'utf8', cwd: work });
      expect(r.status, `${argv.join(' ')}\n${r.stderr}`).toBe(0);
      return r.stdout + r.stderr;
    };
    runBorg(cmds.init());
    expect(runBorg(cmds.keyExportPaper())).toMatch(/To restore key use borg key import --paper/);
    runBorg(cmds.create());
    runBorg(cmds.check());
    const pruned = runBorg(cmds.prune());
    expect(pruned).toMatch(/Keeping archive \(rule: daily #1\)/);
    runBorg(cmds.compact()!);
    const listed = runBorg(cmds.list());
    const archive = listed.trim().split(/\s+/)[0]!;
    const files = runBorg(cmds.extractDryRun(archive));
    expect(files).toContain('alice/notes.txt');
    expect(files).not.toContain('.cache/junk');
  });
});

// Keeps the helper honest: every generated file is written with its mode.
it('writes the generated files it is given', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-lab-w-'));
  const files: LabFile[] = [{ path: 'a/b.txt', text: 'x\n', mode: 0o644 }];
  expect(writeLab(dir, { phases: [], files }).map((r) => r.status)).toEqual(['created']);
});
