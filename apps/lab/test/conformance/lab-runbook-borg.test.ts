import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defaultLabSpec,
  generateLab,
  LabSpecCheckedSchema,
  type LabSpecInput,
  writeLab,
} from '../../src/index.js';

/** Fails (never skips) when a real tool is missing. */
function tool(path: string, pkg: string): string {
  if (!existsSync(path)) throw new Error(`\`${path}\` is not installed: run \`apt-get install ${pkg}\``);
  return path;
}

/** One `## N. On NODE` step of RUNBOOK.md: its heading and the lines of its code block. */
interface Step {
  readonly n: number;
  readonly on: string;
  readonly section: string;
  readonly lines: string[];
}

/** Splits RUNBOOK.md into its steps, remembering the `# …` section each is in. */
function steps(runbook: string): Step[] {
  const out: Step[] = [];
  let section = '';
  const re = /^# (.+)$|^## (\d+)\. On (.+)\n\n[^\n]*\n\n```sh\n([\s\S]*?)\n```$/gm;
  for (const m of runbook.matchAll(re)) {
    if (m[1] !== undefined) section = m[1];
    else out.push({ n: Number(m[2]), on: m[3]!, section, lines: m[4]!.split('\n') });
  }
  return out;
}

const SERVER = '10.1.1.61';
const CLIENT = '10.1.1.92';

/**
 * One machine that is both the server (10.1.1.61) and the client (10.1.1.92), in its own mount,
 * network and UTS namespaces: /etc is an overlay, and /root, /home and /var/tmp are directories
 * of the test, so nothing of the real machine changes. sshd listens on the server's address.
 * `blocks` run in order with `sh -e`; the output says which block failed.
 */
function onLabMachine(work: string, blocks: readonly string[]) {
  for (const d of ['etc-upper', 'etc-work', 'root', 'home', 'vartmp', 'textfile'])
    mkdirSync(join(work, d), { recursive: true });
  chmodSync(join(work, 'home'), 0o755);
  chmodSync(join(work, 'root'), 0o700);
  const sshdConfig = join(work, 'sshd_config');
  writeFileSync(
    sshdConfig,
    [
      `ListenAddress ${SERVER}`,
      'HostKey /etc/ssh/ssh_host_ed25519_key',
      'PidFile /run/sshd.pid',
      'UsePAM yes',
      'AuthorizedKeysFile .ssh/authorized_keys',
      'PasswordAuthentication no',
      '',
    ].join('\n'),
  );
  const files = blocks.map((b, i) => {
    const f = join(work, `block-${i}.sh`);
    writeFileSync(f, `${b}\n`);
    return f;
  });
  const driver = [
    'set -e',
    `mount -t overlay overlay -o lowerdir=/etc,upperdir=${work}/etc-upper,workdir=${work}/etc-work /etc`,
    `mount --bind ${work}/root /root`,
    `mount --bind ${work}/home /home`,
    `mount --bind ${work}/vartmp /var/tmp`,
    // node_exporter's textfile directory, where `ftkit borg run` writes borg.prom (created empty on
    // the machine if its prometheus-node-exporter package did not).
    'mkdir -p /var/lib/prometheus/node-exporter',
    `mount --bind ${work}/textfile /var/lib/prometheus/node-exporter`,
    'mount -t tmpfs tmpfs /run && mkdir -m 0755 /run/sshd',
    'hostname vm2',
    'ip link set lo up',
    `ip addr add ${SERVER}/32 dev lo`,
    `ip addr add ${CLIENT}/32 dev lo`,
    `/usr/sbin/sshd -f ${sshdConfig}`,
    'cd /root',
    ...files.map(
      (f, i) => `echo "== block ${i}"; (cd /root && sh -e ${f}) || { echo "== failed ${i}"; exit 1; }`,
    ),
    'kill "$(cat /run/sshd.pid)"',
  ].join('\n');
  // The units and the runbook run borg through `ftkit borg run`: the repository's built `ftkit`.
  const bin = join(import.meta.dirname, '../../../../node_modules/.bin');
  return spawnSync('unshare', ['-m', '-n', '-u', '--propagation', 'private', 'sh', '-c', driver], {
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}` },
  });
}

const workDirs: string[] = [];
afterAll(() => {
  for (const d of workDirs) rmSync(d, { recursive: true, force: true });
});

function generate(input: LabSpecInput, dir: string) {
  const spec = LabSpecCheckedSchema.parse(input);
  const g = generateLab(spec, { mode: 'single-primary', secrets: { r0: 'runbookSecret0123456789' } });
  rmSync(dir, { recursive: true, force: true });
  writeLab(dir, g);
  return { spec, runbook: readFileSync(join(dir, 'RUNBOOK.md'), 'utf8') };
}

describe("RUNBOOK.md's borg steps, run as written", () => {
  // Debian 12's runbook is for its borg 1.2.4, the one installed here; Ubuntu 20.04's is for borg
  // 1.1, whose commands it uses are the same in 1.2 (lab-borg11.test.ts checks them against 1.1).
  for (const platform of ['debian-12', 'ubuntu-20.04'] as const)
    it(`${platform}: create the key, trust the host key, init, back up, check and restore into a scratch directory that compares equal`, {
      timeout: 300_000,
    }, () => {
      tool('/usr/sbin/sshd', 'openssh-server');
      tool('/usr/bin/borg', 'borgbackup');
      tool('/usr/sbin/adduser', 'adduser');
      const work = mkdtempSync(join(tmpdir(), 'ftkit-lab-runbook-'));
      workDirs.push(work);
      // borg 1.2 runs here: Debian 12's. The client backs up /home/alice (on this one machine /home
      // also holds the server's repository, which must not be backed up into itself).
      const input: LabSpecInput = {
        ...defaultLabSpec,
        platform,
        backup: {
          ...defaultLabSpec.backup!,
          clients: [
            { ...defaultLabSpec.backup!.clients[0]!, paths: ['/home/alice'], excludes: ['/home/*/.cache'] },
          ],
        },
      };
      const out = join(work, 'lab-out');
      let { runbook } = generate(input, out);
      const keyStep = steps(runbook).find(
        (s) => s.on === 'vm2' && s.lines.some((l) => l.includes('ssh-keygen')),
      )!;
      expect(keyStep, 'the key step').toBeDefined();
      // 1. The key step as written: it creates the key, then fails because the spec holds the
      //    example key (the runbook says to put the new key into the spec and generate again).
      mkdirSync(join(work, 'home/alice/.cache'), { recursive: true });
      writeFileSync(join(work, 'home/alice/notes.txt'), 'hello\n');
      writeFileSync(join(work, 'home/alice/.cache/junk'), 'junk\n');
      const first = onLabMachine(work, [keyStep.lines.join('\n')]);
      expect(first.stdout).toContain('== failed 0');
      const pub = readFileSync(join(work, 'root/.ssh/id_ed25519_borg.pub'), 'utf8').trim();
      expect(pub).toMatch(/^ssh-ed25519 AAAA/);
      // 2. Generate again with the key, stage vm1's tree (the workstation's scp), then run the key
      //    step and every backup step as written (systemctl is left out: no systemd in here).
      ({ runbook } = generate(
        {
          ...input,
          backup: { ...input.backup!, clients: [{ ...input.backup!.clients[0]!, publicKey: pub }] },
        },
        out,
      ));
      cpSync(join(out, 'vm1'), join(work, 'root/ftkit-lab'), { recursive: true });
      const chosen = steps(runbook).filter((s) => s.n === keyStep.n || s.section === 'Backups');
      expect(chosen.map((s) => s.on)).toEqual([
        'vm2',
        'vm1',
        'vm2',
        'vm2',
        'vm2',
        'vm2',
        'vm2',
        'vm2',
        'vm2',
      ]);
      const blocks = chosen.map((s) => s.lines.filter((l) => !/^(systemctl|journalctl) /.test(l)).join('\n'));
      const r = onLabMachine(work, blocks);
      expect(r.stdout, r.stderr).not.toContain('== failed');
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('restore OK');
      // The restore really happened (extracted files, compared by diff -r in the runbook).
      expect(
        readFileSync(join(work, 'vartmp/ftkit-restore/home/alice/ftkit-restore-test/hello.txt'), 'utf8'),
      ).toBe(readFileSync(join(work, 'home/alice/ftkit-restore-test/hello.txt'), 'utf8'));
      expect(existsSync(join(work, 'home/borg/BackupRepo/config'))).toBe(true);
      // The first backup ran through `ftkit borg run`, which wrote the verdict for node_exporter.
      expect(r.stderr).toContain('success (rc 0: success)');
      expect(readFileSync(join(work, 'textfile/borg.prom'), 'utf8')).toMatch(
        /^borg_last_run_outcome\{repository="ssh:\/\/borg@10\.1\.1\.61\/home\/borg\/BackupRepo",job="create"\} 0$/m,
      );
      expect(readFileSync(join(work, 'root/borg-key-vm2.txt'), 'utf8')).toMatch(
        /BORG PAPER KEY|To restore key use borg key import --paper/,
      );
    });
});
