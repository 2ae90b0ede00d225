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
  labFiles,
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
  writeLab(dir, g);
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
  it('crm_verify, corosync -t and the agents accept the generated Pacemaker files; the handlers are the crm ones', () => {
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
    const text = labFiles(g).find((f) => f.path === 'phase-2-dual-primary/pacemaker-cib.xml')!.text;
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
    // Corosync accepts each node's corosync.conf (-t tests it as that node: its address and the
    // authkey the runbook creates with corosync-keygen), and rejects a broken one.
    const keys = mkdtempSync(join(tmpdir(), 'ftkit-lab-corosync-'));
    const corosyncTest = (node: string, ip: string, conf: string) => {
      writeFileSync(join(keys, 'corosync.conf'), conf);
      const script = `hostname ${node} && ip link set lo up && ip addr add ${ip}/32 dev lo && mount --bind ${keys} /etc/corosync && exec corosync -t -c /etc/corosync/corosync.conf`;
      return spawnSync('unshare', ['-m', '-n', '-u', 'sh', '-c', script], { encoding: 'utf8' });
    };
    expect(
      spawnSync(tool('/usr/sbin/corosync-keygen', 'corosync'), ['-k', join(keys, 'authkey')]).status,
    ).toBe(0);
    for (const [node, ip] of [
      ['vm1', '10.1.1.61'],
      ['vm2', '10.1.1.92'],
    ] as const) {
      const conf = labFiles(g).find(
        (f) => f.path === `phase-2-dual-primary/${node}/etc/corosync/corosync.conf`,
      )!.text;
      const ok = corosyncTest(node, ip, conf);
      expect(ok.stderr, node).not.toMatch(/error/);
      expect(ok.status, node).toBe(0);
      expect(corosyncTest(node, ip, conf.replace('nodeid: 2', 'nodeid: 1')).status).not.toBe(0);
    }
    // Every STONITH device's parameters pass fence_virsh's own validate-all (the identity file
    // must exist: a stand-in here), and the Filesystem primitive passes the agent's validation.
    const identity = join(keys, 'id_fence');
    writeFileSync(identity, '');
    const fenceVirsh = tool('/usr/sbin/fence_virsh', 'fence-agents');
    const params = (id: string) =>
      [
        ...text.matchAll(new RegExp(`<nvpair id="${id}-([a-z_]+)" name="([a-z_]+)" value="([^"]*)"/>`, 'g')),
      ].map((m) => [m[2]!, m[3]!] as const);
    for (const node of ['vm1', 'vm2']) {
      const p = params(`fence-${node}-params`).filter(([k]) => !k.startsWith('pcmk_'));
      expect(p.map(([k]) => k)).toEqual(['ip', 'username', 'identity_file', 'plug']);
      const input = [
        'action=validate-all',
        ...p.map(([k, v]) => `${k}=${k === 'identity_file' ? identity : v}`),
      ];
      const v = spawnSync(fenceVirsh, [], { input: `${input.join('\n')}\n`, encoding: 'utf8' });
      expect(v.stderr, node).toBe('');
      expect(v.status, node).toBe(0);
    }
    const fs = spawnSync(
      tool('/usr/sbin/crm_resource', 'pacemaker-cli-utils'),
      [
        '--validate',
        '--class',
        'ocf',
        '--provider',
        'heartbeat',
        '--agent',
        'Filesystem',
        ...params('fs-r0-params').flatMap(([k, v]) => ['--option', `${k}=${v}`]),
      ],
      { encoding: 'utf8' },
    );
    expect(fs.stdout).toContain('returned 0 (ok)');
    const res = labFiles(g).find((f) => f.path === 'phase-2-dual-primary/vm1/etc/drbd.d/r0.res')!.text;
    expect(res).toContain('fence-peer /usr/lib/drbd/crm-fence-peer.sh;');
    expect(res).not.toContain('become-primary-on');
    // DRBD 9 (LINBIT's packages): fencing in `net`, the .9 handlers, and drbdadm 9 passes it on.
    const nine = lab({
      ...defaultLabSpec,
      drbdPackages: 'linbit',
      fencing: 'pacemaker',
      pacemaker: { hypervisor: '10.1.1.1' },
    });
    const res9 = labFiles(nine.g).find((f) => f.path === 'phase-2-dual-primary/vm1/etc/drbd.d/r0.res')!.text;
    expect(res9).toContain('fence-peer /usr/lib/drbd/crm-fence-peer.9.sh;');
    expect(res9).toContain('unfence-peer /usr/lib/drbd/crm-unfence-peer.9.sh;');
    const up9 = asHost('vm1', '10.1.1.61', [
      tool('/usr/sbin/drbdadm', 'drbd-utils'),
      '-d',
      '-c',
      join(nine.dir, 'phase-2-dual-primary/vm1/etc/drbd.d/r0.res'),
      'up',
      'r0',
    ]);
    expect(up9.status).toBe(0);
    expect(up9.stdout).toMatch(/new-peer r0 1 .*--fencing=resource-and-stonith/);
  });
});
