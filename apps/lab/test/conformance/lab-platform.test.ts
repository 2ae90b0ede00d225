import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

/**
 * Runs drbdadm as if on host `host` with address `ip` (own UTS and network namespaces, so the
 * host-name match and IP check see the lab node). No DRBD module is loaded here, so `-d` prints
 * the drbdsetup/drbdmeta calls instead of running them.
 */
function asHost(host: string, ip: string, argv: string[]) {
  const script = `hostname ${host} && ip link set lo up && ip addr add ${ip}/32 dev lo && exec "$@"`;
  return spawnSync('unshare', ['-u', '-n', 'sh', '-c', script, 'sh', ...argv], { encoding: 'utf8' });
}

const secrets = { r0: 'conformanceSecret0123456789' };
const platforms = ['ubuntu-20.04', 'ubuntu-22.04', 'ubuntu-24.04', 'debian-12'] as const;

function lab(input: LabSpecInput) {
  const spec = LabSpecCheckedSchema.parse(input);
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-lab-platform-'));
  const g = generateLab(spec, { secrets });
  writeLab(dir, g.files);
  return { dir, g };
}

describe('every platform and mode: the matching drbdadm accepts each node file and its dry runs', () => {
  for (const platform of platforms) {
    for (const packages of ['distribution', 'linbit'] as const) {
      it(`${platform}, ${packages} DRBD, both phases`, () => {
        const bin =
          packages === 'linbit'
            ? tool('/usr/sbin/drbdadm', 'drbd-utils')
            : tool('/usr/lib/drbd/drbdadm-84', 'drbd-utils');
        const { dir, g } = lab({ ...defaultLabSpec, platform, drbdPackages: packages });
        expect(g.phases.map((p) => p.plan.drbdVersion)).toEqual(
          packages === 'linbit' ? ['9', '9'] : ['8.4', '8.4'],
        );
        for (const phase of g.phases) {
          for (const [node, ip] of [
            ['vm1', '10.1.1.61'],
            ['vm2', '10.1.1.92'],
          ] as const) {
            const file = join(dir, phase.dir, node, 'etc/drbd.d/r0.res');
            for (const cmd of [
              ['dump'],
              ['create-md'],
              ['up'],
              ['adjust'],
              ['primary'],
              ['primary', '--force'],
            ]) {
              const r = asHost(node, ip, [
                bin,
                ...(cmd[0] === 'dump' ? [] : ['-d']),
                '-c',
                file,
                ...cmd,
                'r0',
              ]);
              const stderr = r.stderr.replace(/^(sh: 1: )?modinfo: .*\n/gm, '');
              expect(stderr, `${phase.dir} ${node} ${cmd.join(' ')}`).toBe('');
              expect(r.status, `${phase.dir} ${node} ${cmd.join(' ')}`).toBe(0);
              if (cmd[0] === 'up') {
                expect(r.stdout).toMatch(/cram-hmac-alg=sha1/);
                // The secret is passed to the kernel, never printed by ftkit (see lab-generate tests).
                expect(r.stdout).toContain('--shared-secret=');
                if (phase.plan.mode === 'dual-primary') expect(r.stdout).toMatch(/--allow-two-primaries=yes/);
                expect(r.stdout).not.toMatch(/--fencing=resource-and-stonith/);
              }
            }
          }
        }
      });
    }
  }
});

describe('fencing: pacemaker', () => {
  it('crm_verify accepts the generated Pacemaker configuration, and the handlers are the crm ones', () => {
    const crmVerify = tool('/usr/sbin/crm_verify', 'pacemaker-cli-utils');
    const drbdadm84 = tool('/usr/lib/drbd/drbdadm-84', 'drbd-utils');
    const { dir, g } = lab({
      ...defaultLabSpec,
      fencing: 'pacemaker',
      pacemaker: { hypervisor: '10.1.1.1' },
    });
    // The cluster as the runbook leaves it before `cibadmin --replace`: both nodes online with
    // quorum (an empty status would make crm_verify warn that the nodes are unclean).
    const running = (cib: string) =>
      cib.replace('<cib ', '<cib have-quorum="1" ').replace(
        '<status/>',
        [1, 2]
          .map(
            (i) =>
              `<node_state id="${i}" uname="vm${i}" in_ccm="true" crmd="online" join="member" expected="member"/>`,
          )
          .join('')
          .replace(/^/, '<status>')
          .concat('</status>'),
      );
    const text = g.files.find((f) => f.path === 'phase-2-dual-primary/pacemaker-cib.xml')!.text;
    const cib = join(dir, 'cib.xml');
    writeFileSync(cib, running(text));
    const r = spawnSync(crmVerify, ['-V', '--xml-file', cib], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toBe('');
    expect(r.status).toBe(0);
    // Not vacuous: crm_verify rejects a constraint on a resource that does not exist.
    const broken = join(dir, 'broken.xml');
    writeFileSync(broken, running(text).replace('rsc="fs-r0-clone"', 'rsc="no-such-resource"'));
    expect(spawnSync(crmVerify, ['--xml-file', broken], { encoding: 'utf8' }).status).not.toBe(0);
    const up = asHost('vm1', '10.1.1.61', [
      drbdadm84,
      '-d',
      '-c',
      join(dir, 'phase-2-dual-primary/vm1/etc/drbd.d/r0.res'),
      'up',
      'r0',
    ]);
    expect(up.status).toBe(0);
    expect(up.stdout).toMatch(/--fencing=resource-and-stonith/);
    const res = g.files.find((f) => f.path === 'phase-2-dual-primary/vm1/etc/drbd.d/r0.res')!.text;
    expect(res).toContain('fence-peer /usr/lib/drbd/crm-fence-peer.sh;');
    expect(res).not.toContain('become-primary-on');
  });
});
