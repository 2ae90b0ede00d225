import { platformFacts } from '../spec/platform.js';
import type { NodeTree } from '../tree.js';
import { shellLine } from './borg-commands.js';
import type { LabPlan } from './plan.js';
import { borgRunArgv, PASSPHRASE_FILE, TEXTFILE_DIR } from './units.js';

interface Step {
  readonly on: string;
  readonly why: string;
  readonly commands: readonly string[];
}

/** One phase of a lab for {@link emitRunbook}: its directory under the output (`''` for none). */
export interface RunbookPhase {
  readonly dir: string;
  readonly plan: LabPlan;
  /** The phase's node trees (with modes): the install steps list each node's files; without them they are empty. */
  readonly nodes?: readonly NodeTree[];
}

/** Where a node's tree is staged on the node before `install` puts each file in place. */
export const STAGING_DIR = '/root/ftkit-lab';

/** The directory the restore test extracts into (never the live paths). */
export const RESTORE_DIR = '/var/tmp/ftkit-restore';

/** The file the restore test creates before the first backup and compares after the restore. */
export function restoreProbe(path: string): string {
  return `${path.replace(/\/+$/, '')}/ftkit-restore-test`;
}

function modeText(mode: number): string {
  return mode.toString(8).padStart(4, '0');
}

/** `install` commands that put a node's staged files in place with explicit owners and modes. */
function installCommands(
  files: readonly { rel: string; mode: number }[],
  skip: (rel: string) => boolean,
): string[] {
  const wanted = files.filter((f) => !skip(f.rel));
  // `/etc` itself exists; its subdirectories may not (drbd.d comes with drbd-utils, fstab.d not).
  const dirs = [...new Set(wanted.map((f) => f.rel.slice(0, f.rel.lastIndexOf('/'))))]
    .filter((d) => d.includes('/'))
    .sort();
  return [
    ...dirs.map((d) => `install -d -o root -g root -m 0755 /${d}`),
    ...wanted.map((f) => `install -o root -g root -m ${modeText(f.mode)} ${STAGING_DIR}/${f.rel} /${f.rel}`),
    // drbdadm and o2cb find the node's sections by the running host name.
    ...(wanted.some((f) => f.rel === 'etc/hostname') ? ['hostname -F /etc/hostname'] : []),
  ];
}

/** The table of differences from the original lab (../shared/reference/original-lab.txt). */
function changes(plan: LabPlan): string[] {
  const v84 = plan.drbdVersion === '8.4';
  const rows: [string, string, string][] = [
    [
      '`syncer { rate 100M; }` in `common`',
      plan.resources.some((r) => r.resyncRate)
        ? '`disk { c-plan-ahead 0; resync-rate … }` in the resource'
        : "DRBD's default resync rate",
      '`syncer` is DRBD 8.3 syntax: 8.4 moved its options to `disk`, and DRBD 9 rejects the section; `c-plan-ahead 0` keeps the rate fixed as `syncer` had it (the dynamic controller would only start there)',
    ],
    [
      '`startup { wfc-timeout 15; degr-wfc-timeout 60; }`',
      plan.resources.some((r) => r.wfcTimeout !== undefined || r.degrWfcTimeout !== undefined)
        ? `\`startup { ${[
            ...new Set(
              plan.resources.map((r) =>
                [
                  r.wfcTimeout !== undefined ? `wfc-timeout ${r.wfcTimeout};` : '',
                  r.degrWfcTimeout !== undefined ? `degr-wfc-timeout ${r.degrWfcTimeout};` : '',
                ]
                  .filter(Boolean)
                  .join(' '),
              ),
            ),
          ].join(' / ')} }\``
        : 'left out (DRBD waits for the peer at boot without a limit)',
      'After a reboot of a degraded cluster the peer is less likely to come (drbd.conf(5)), so that wait is the shorter one; the original had them the other way round',
    ],
    [
      '`startup { become-primary-on both; }`',
      v84 && plan.fencing === 'none' ? 'kept (phase 2 only)' : 'left out',
      v84
        ? 'With Pacemaker the cluster manager promotes; without one the 8.4 init script promotes both nodes at boot'
        : 'DRBD 9 parses and drops it; auto-promote makes a node primary when it mounts',
    ],
    [
      '`drbdadm -- --overwrite-data-of-peer primary all`',
      '`drbdadm primary --force r0`',
      '`--force` is the 8.4 and 9 name; the old flag is an 8.3 alias and `all` would promote every resource',
    ],
    [
      '`net { cram-hmac-alg sha1; shared-secret "secret"; }`',
      plan.resources.some((r) => r.sharedSecret)
        ? 'kept, with a generated secret'
        : 'left out (`peerAuthentication: false`)',
      'A peer must prove it knows the secret before it may connect; the secret is random, the file is 0600, and ftkit never prints it',
    ],
    [
      'one `/etc/drbd.conf` copied with `scp` and `mv`',
      '`/etc/drbd.d/r0.res`, installed with `install -m`',
      "drbd-utils' own /etc/drbd.conf includes drbd.d/*.res; `install` sets owner and mode whatever the umask",
    ],
    [
      '`fencing resource-and-stonith` + `fence-peer "..."` (asked about, not configured)',
      plan.fencing === 'pacemaker'
        ? 'fencing with Pacemaker, `fence_virsh` STONITH and crm-fence-peer handlers'
        : 'no fencing, automatic split-brain recovery policies',
      plan.fencing === 'pacemaker'
        ? 'The fence-peer handler asks Pacemaker to fence; STONITH powers the peer off'
        : 'Without a cluster manager a fence-peer handler exits 1 and `resource-and-stonith` freezes I/O on the survivor',
    ],
    [
      '`command="/usr/local/bin/borg serve"` for an `ssh-rsa` key',
      '`command="borg serve --restrict-to-path …",restrict` for an ed25519 key made for backups',
      'The key may reach its own repository only, and nothing else on the server',
    ],
    [
      '`borg extract` into `/`, after `rm -rf /home`',
      `extract into ${RESTORE_DIR} and \`diff -r\``,
      'A restore test that compares, without destroying the live data first',
    ],
  ];
  return [
    '## What changed from the original lab and why',
    '',
    '| original lab | here | why |',
    '| --- | --- | --- |',
    ...rows
      // The Borg rows only when the lab has backups.
      .filter((r) => plan.backup || !/borg/.test(r[0]))
      .map((r) => `| ${r.join(' | ')} |`),
    '',
  ];
}

function fencingNote(plan: LabPlan): string[] {
  if (plan.fencing === 'pacemaker')
    return [
      '## Fencing',
      '',
      "Pacemaker fences: when the replication link breaks, the surviving primary's `fence-peer` handler asks Pacemaker to keep the peer from being promoted, and STONITH (`fence_virsh` through the libvirt host) powers a node off when it stops answering. Load the configuration with `cibadmin --replace --xml-file pacemaker-cib.xml` once Corosync runs on every node.",
      '',
    ];
  return [
    '## Fencing: what this lab does not protect against',
    '',
    'There is no cluster manager, so nothing can power a node off. DRBD runs with `fencing dont-care` and the automatic split-brain recovery policies (`after-sb-0pri discard-zero-changes`, `after-sb-1pri discard-secondary`, `after-sb-2pri disconnect`), as LINBIT documents for OCFS2 without Pacemaker. It does not protect against:',
    '',
    "- a network partition while both nodes are primary and both write: DRBD disconnects (split brain), the two copies diverge, and you must choose one and discard the other's changes by hand (`drbdadm connect --discard-my-data r0` on the loser);",
    "- a hung node that still holds OCFS2 locks: o2cb on the survivor waits for the dead node's disk heartbeat to time out (about a minute) before it recovers the journal;",
    '- a node that comes back with older data and is promoted by hand: promote only a node whose disk is `UpToDate`.',
    '',
    'Use `fencing: pacemaker` in the spec for STONITH.',
    '',
  ];
}

/**
 * RUNBOOK.md: the ordered commands per node, each with a line saying why. Deterministic: the
 * same plans give the same text. One phase per plan (the original lab has two).
 *
 * @param phases - the phases (or one plan); each phase's files live under its `dir`
 * @param outDir - the output directory as the workstation commands name it
 */
export function emitRunbook(phases: readonly RunbookPhase[] | LabPlan, outDir = 'lab-out'): string {
  const list: readonly RunbookPhase[] = Array.isArray(phases)
    ? phases
    : [{ dir: '', plan: phases as LabPlan }];
  const last = list[list.length - 1]!.plan;
  const pf = platformFacts[last.platform];
  const out: string[] = [];
  const steps: Step[] = [];
  let n = 0;
  const flush = () => {
    for (const s of steps.splice(0)) {
      n += 1;
      out.push(`## ${n}. On ${s.on}`, '', s.why, '', '```sh', ...s.commands, '```', '');
    }
  };
  const all = last.nodes.map((x) => x.name).join(', ');
  const modeName = list.length > 1 ? 'single-primary, then dual-primary' : last.mode;
  out.push(
    `# RUNBOOK: ${last.spec.name} (${modeName}, ${pf.title}, DRBD ${last.drbdVersion})`,
    '',
    'Generated by `ftkit lab generate`; run the steps in order. Each step names the node(s) it runs on, says why, and gives the commands (as root).',
    '',
    '| node | address | tree |',
    '| --- | --- | --- |',
    ...last.nodes.map(
      (x) =>
        `| ${x.name} | ${x.address} | \`${list.map((p) => `${p.dir ? `${p.dir}/` : ''}${x.name}/`).join('`, `')}\` |`,
    ),
    '',
    ...changes(last),
    ...(last.resources.some((r) => r.dualPrimary) ? fencingNote(last) : []),
  );
  const linbit = last.drbdPackages === 'linbit';
  const pkgs = [
    'drbd-utils',
    ...(linbit ? ['drbd-dkms'] : []),
    ...(list.some((p) => p.plan.cluster) ? ['ocfs2-tools'] : []),
    ...(last.backup ? ['borgbackup'] : []),
    ...(last.fencing === 'pacemaker' ? ['pacemaker', 'corosync', 'fence-agents', 'resource-agents'] : []),
  ];
  steps.push({
    on: all,
    why: linbit
      ? `Install LINBIT's DRBD 9 kernel module (drbd-dkms) and the tools: ${pf.title}'s own kernel has the DRBD ${pf.drbdModule} module, which reads only 8.4 syntax.`
      : `Install the tools: ${pf.title} ships the DRBD ${pf.drbdModule} kernel module (8.4 syntax, what these files use), drbd-utils ${pf.drbdUtils}, ocfs2-tools ${pf.ocfs2Tools} and borg ${pf.borg}.`,
    commands: [
      ...(linbit ? pf.linbitRepository : []),
      'apt-get update',
      `apt-get install -y ${pkgs.join(' ')}`,
      ...(linbit ? ['modprobe drbd', 'cat /proc/drbd'] : []),
    ],
  });
  const b = last.backup;
  if (b) {
    for (const { client } of b.clients) {
      steps.push({
        on: client.node,
        why: `Create the SSH key ${client.node} backs up with, before anything on ${b.server} trusts a key: the server's authorized_keys is generated from \`backup.clients[].publicKey\` in the spec. The last command fails until the spec holds this key; then put it there and generate the lab again.`,
        commands: [
          'install -d -m 0700 /root/.ssh',
          `test -f ${client.keyFile} || ssh-keygen -t ed25519 -N '' -C 'borg@${client.node}' -f ${client.keyFile}`,
          `cut -d' ' -f1,2 ${client.keyFile}.pub`,
          `test "$(cut -d' ' -f1,2 ${client.keyFile}.pub)" = '${client.publicKey.split(' ').slice(0, 2).join(' ')}'`,
        ],
      });
    }
  }
  flush();
  list.forEach((phase, pi) => {
    const { dir, plan } = phase;
    const base = dir ? `${outDir}/${dir}` : outDir;
    if (list.length > 1) {
      out.push(
        pi === 0
          ? `# Phase ${pi + 1}: single-primary with ${plan.resources.map((r) => r.mount.fsType).join(', ')}`
          : `# Phase ${pi + 1}: the dual-primary change with OCFS2`,
        '',
        pi === 0
          ? 'One node is primary and mounts the file system; the other is a standby copy.'
          : 'Both nodes become primary and mount one OCFS2 file system. Making OCFS2 replaces the phase 1 file system: copy off what you want to keep.',
        '',
      );
    }
    for (const node of plan.nodes) {
      const mine = (phase.nodes?.find((t) => t.node === node.name)?.files ?? []).map((f) => ({
        rel: f.rel,
        mode: f.mode ?? 0o644,
      }));
      steps.push({
        on: `your workstation (for ${node.name})`,
        why: `Stage this node's tree on it; the next step installs each file with its owner and mode.`,
        commands: [
          `ssh root@${node.address} rm -rf ${STAGING_DIR}`,
          `scp -r ${base}/${node.name} root@${node.address}:${STAGING_DIR}`,
        ],
      });
      steps.push({
        on: node.name,
        why: 'Install the files with their owners and modes, and take the host name the DRBD and OCFS2 files use (the Borg authorized_keys comes later, once its user exists).',
        commands: installCommands(mine, (rel) => rel.endsWith('/.ssh/authorized_keys')),
      });
    }
    if (pi === 0) phaseOne(plan, steps);
    else phaseTwo(plan, list[0]!.plan, steps);
    if (plan.fencing === 'pacemaker' && plan.mode === 'dual-primary') pacemakerSteps(plan, base, steps);
    flush();
  });
  if (b) {
    out.push('# Backups', '');
    backupSteps(last, steps);
    flush();
  }
  out.push('# Monitoring', '');
  monitoringSteps(last, steps);
  flush();
  out.push(
    '## Check the trees',
    '',
    "Before and after deploying, check every file and how the files fit together, with the lab's own settings (the DRBD syntax below; the rest comes from ftkit-lab.json):",
    '',
    '```sh',
    `ftkit lab check --drbd-version ${last.drbdVersion} ${outDir}`,
    '```',
    '',
  );
  return out.join('\n');
}

/** Installs ftkit on the DRBD nodes and starts the exporter unit of their trees. */
function monitoringSteps(plan: LabPlan, steps: Step[]): void {
  const hosts = plan.nodes
    .filter((n) => plan.resources.some((r) => r.hosts.some((h) => h.name === n.name)))
    .map((n) => n.name);
  if (hosts.length === 0) return;
  steps.push({
    on: hosts.join(', '),
    why: "Install Node.js 22 and ftkit (into /usr/local: the distribution's Node.js is too old), then start the DRBD exporter (`ftkit-exporter.service` of the tree): drbd-reactor's metric names on port 9942, so its Grafana dashboard (14339) and alert rules work. Healthy is `ftkit_exporter_up 1`, each connection's `drbd_connection_state` 1 for `Connected`, each disk's `drbd_device_state` 1 for `UpToDate` and `drbd_peerdevice_outofsync_bytes` 0. `ftkit status --check` gives the same verdict as one Nagios line.",
    commands: [
      // ftkit needs Node ^20.19, ^22.12 or >= 24; the distributions' own nodejs is older
      'curl -fsSL https://nodejs.org/dist/v22.12.0/node-v22.12.0-linux-x64.tar.xz | tar -xJ -C /usr/local --strip-components=1',
      'npm install -g @ftkit/lab',
      'systemctl daemon-reload',
      'systemctl enable --now ftkit-exporter.service',
      `curl -s http://localhost:9942/metrics | grep -E '^(ftkit_exporter_up|drbd_connection_state.*"Connected"|drbd_device_state.*"UpToDate"|drbd_peerdevice_outofsync_bytes)'`,
      plan.drbdVersion === '9'
        ? 'drbdsetup status --json | ftkit status --check -'
        : 'ftkit status --check /proc/drbd',
    ],
  });
}

function watchSync(plan: LabPlan, name: string): string {
  return plan.drbdVersion === '9' ? `drbdadm status ${name}` : 'cat /proc/drbd';
}

function fstabCommands(device: string): string[] {
  // Drops an earlier entry for the device (phase 1's ext4 line) before adding this phase's.
  return [`sed -i '\\#^${device}[[:space:]]#d' /etc/fstab`, 'cat /etc/fstab.d/ftkit-lab.fstab >> /etc/fstab'];
}

function phaseOne(plan: LabPlan, steps: Step[]): void {
  for (const r of plan.resources) {
    const hosts = r.hosts.map((h) => h.name).join(', ');
    const primary = r.mountedOn[0] ?? plan.primary;
    steps.push({
      on: hosts,
      why: `Write DRBD's metadata for \`${r.name}\` (${r.metaDisk === 'internal' ? `at the end of \`${r.disk}\`` : `on \`${r.metaDisk}\``}), bring the resource up, and start DRBD at every boot.`,
      commands: [`drbdadm create-md ${r.name}`, `drbdadm up ${r.name}`, 'systemctl enable drbd'],
    });
    steps.push({
      on: primary,
      why: "Start the initial sync: declare this node's (empty) disk the good copy and overwrite the peers. Run it on ONE node only.",
      commands: [`drbdadm primary --force ${r.name}`],
    });
    steps.push({
      on: hosts,
      why: 'Watch the sync: run it until every disk is `UpToDate` (`ftkit status` explains the state, on any machine with ftkit).',
      commands: [watchSync(plan, r.name)],
    });
    if (r.mount.fsType === 'ocfs2') {
      ocfs2Steps(plan, r, primary, steps);
      continue;
    }
    steps.push({
      on: primary,
      why: `Make the ${r.mount.fsType} file system on the primary only: a non-cluster file system must never be mounted on two nodes at once.`,
      commands: [`mkfs.${r.mount.fsType} ${r.device}`],
    });
    steps.push({
      on: hosts,
      why: 'Add the fstab entry on every node (it has `noauto`: only the primary mounts it, by hand; the standby needs it to take over).',
      commands: [...fstabCommands(r.device), `mkdir -p ${r.mount.path}`],
    });
    steps.push({ on: primary, why: 'Mount it.', commands: [`mount ${r.mount.path}`] });
    const other = r.hosts.find((h) => h.name !== primary)?.name;
    if (other) {
      steps.push({
        on: primary,
        why: "Failover test, part 1: write test data, then hand the device over (the original lab's test).",
        commands: [
          `cp -r /etc/default ${r.mount.path}/ftkit-failover-test`,
          `umount ${r.mount.path}`,
          `drbdadm secondary ${r.name}`,
        ],
      });
      steps.push({
        on: other,
        why: `Failover test, part 2: take over and find the data, then hand it back. To test a crash instead, power ${primary} off in place of part 1: this part is the same.`,
        commands: [
          `drbdadm primary ${r.name}`,
          `mount ${r.mount.path}`,
          `diff -r /etc/default ${r.mount.path}/ftkit-failover-test && echo failover OK`,
          `umount ${r.mount.path}`,
          `drbdadm secondary ${r.name}`,
        ],
      });
      steps.push({
        on: primary,
        why: 'Take the primary role back.',
        commands: [`drbdadm primary ${r.name}`, `mount ${r.mount.path}`],
      });
    }
  }
}

function ocfs2Steps(plan: LabPlan, r: LabPlan['resources'][number], primary: string, steps: Step[]): void {
  const c = plan.cluster!;
  const hosts = r.hosts.map((h) => h.name).join(', ');
  steps.push({
    on: c.nodes.map((x) => x.name).join(', '),
    why: `Start the o2cb cluster stack now and at every boot: it reads /etc/default/o2cb and registers cluster \`${c.name}\` from /etc/ocfs2/cluster.conf.`,
    commands: ['systemctl enable --now o2cb', 'systemctl enable ocfs2', `o2cb list-cluster ${c.name}`],
  });
  steps.push({
    on: primary,
    why: `Make the OCFS2 file system once, with ${c.slots} node slots (one per node that mounts it; more can be added later with tunefs.ocfs2).`,
    commands: [
      `mkfs.ocfs2 -F -N ${c.slots} -L ${r.name} --cluster-stack=o2cb --cluster-name=${c.name} ${r.device}`,
    ],
  });
  if (plan.fencing === 'pacemaker') {
    steps.push({
      on: hosts,
      why: 'Add the fstab entry (it replaces an earlier one for the device); Pacemaker mounts the file system, the `noauto` entry only documents it.',
      commands: [...fstabCommands(r.device), `mkdir -p ${r.mount.path}`],
    });
    return;
  }
  steps.push({
    on: hosts,
    why: 'Add the fstab entry (it replaces an earlier one for the device) and mount on every node.',
    commands: [...fstabCommands(r.device), `mkdir -p ${r.mount.path}`, `mount ${r.mount.path}`],
  });
  const other = r.hosts.find((h) => h.name !== primary);
  if (other)
    steps.push({
      on: `${primary}, then ${other.name}`,
      why: `Failover test: write on ${primary} and read on ${other.name} at once; then power ${primary} off (\`poweroff\`) and check that ${other.name} keeps writing after o2cb's heartbeat timeout.`,
      commands: [
        `cp -r /etc/default ${r.mount.path}/ftkit-failover-test   # on ${primary}`,
        `diff -r /etc/default ${r.mount.path}/ftkit-failover-test && echo shared OK   # on ${other.name}`,
        `touch ${r.mount.path}/ftkit-after-failover && echo survivor OK   # on ${other.name}, after ${primary} is off`,
        `${watchSync(plan, r.name)}   # on ${primary}, once it is back: wait for the resync`,
        `mount ${r.mount.path} && ls ${r.mount.path}/ftkit-after-failover   # on ${primary}`,
      ],
    });
}

/**
 * The Pacemaker part of a dual-primary lab with `fencing: pacemaker`: DRBD and the mounts move
 * from systemd and the shell to Pacemaker, Corosync gets its key, each node gets the key the
 * `fence_virsh` STONITH device logs in to the hypervisor with, and the CIB is loaded.
 */
function pacemakerSteps(plan: LabPlan, base: string, steps: Step[]): void {
  const pm = plan.spec.pacemaker!;
  const all = plan.nodes.map((n) => n.name).join(', ');
  const first = plan.nodes[0]!;
  const others = plan.nodes.slice(1);
  steps.push({
    on: all,
    why: 'Hand DRBD and the mounts to Pacemaker: take them down here and keep systemd from starting DRBD at boot (o2cb stays a systemd service).',
    commands: [
      ...plan.resources.flatMap((r) => [`umount ${r.mount.path} || true`, `drbdadm down ${r.name}`]),
      'systemctl disable drbd',
    ],
  });
  steps.push({
    on: all,
    why: `Give this node the SSH key the STONITH device (\`fence_virsh\`) powers VMs off with, on the libvirt host ${pm.hypervisor}; the VMs' libvirt names must be the node names. The last command lists them.`,
    commands: [
      `test -f ${pm.identityFile} || ssh-keygen -t ed25519 -N '' -f ${pm.identityFile}`,
      `ssh-copy-id -i ${pm.identityFile}.pub ${pm.login}@${pm.hypervisor}`,
      `fence_virsh --ip ${pm.hypervisor} --username ${pm.login} --identity-file ${pm.identityFile} --action list`,
    ],
  });
  steps.push({
    on: first.name,
    why: 'Create the key Corosync encrypts cluster traffic with, and copy it to the other nodes.',
    commands: [
      'corosync-keygen',
      ...others.map((n) => `scp -p /etc/corosync/authkey root@${n.address}:/etc/corosync/authkey`),
    ],
  });
  steps.push({
    on: all,
    why: 'Start Corosync and Pacemaker now and at every boot; both nodes must show as online.',
    commands: ['systemctl enable --now corosync pacemaker', 'corosync-quorumtool -s', 'crm_mon -1'],
  });
  steps.push({
    on: `your workstation (for ${first.name})`,
    why: 'Copy the Pacemaker configuration to one node.',
    commands: [`scp ${base}/pacemaker-cib.xml root@${first.address}:/root/pacemaker-cib.xml`],
  });
  steps.push({
    on: first.name,
    why: 'Load it (STONITH devices, the promotable DRBD clone, the OCFS2 mount clone) and check the live cluster: both nodes promoted, the file system mounted on both.',
    commands: [
      'cibadmin --replace --xml-file /root/pacemaker-cib.xml',
      'crm_verify --live-check',
      'crm_mon -1',
    ],
  });
  const victim = others[0];
  if (victim) {
    const r = plan.resources[0]!;
    steps.push({
      on: `${victim.name}, then ${first.name}`,
      why: `Fencing test: crash ${victim.name}; ${first.name} fences it through libvirt (it is powered off and on again) and keeps the file system.`,
      commands: [
        `echo c > /proc/sysrq-trigger   # on ${victim.name}`,
        `stonith_admin --history ${victim.name}   # on ${first.name}`,
        `touch ${r.mount.path}/ftkit-after-fencing && echo survivor OK   # on ${first.name}`,
        `crm_mon -1   # on ${first.name}, once ${victim.name} is back: both promoted and mounted again`,
      ],
    });
  }
}

function phaseTwo(plan: LabPlan, before: LabPlan, steps: Step[]): void {
  for (const r of plan.resources) {
    const hosts = r.hosts.map((h) => h.name).join(', ');
    const primary = before.resources.find((x) => x.name === r.name)?.mountedOn[0] ?? plan.primary;
    steps.push({
      on: primary,
      why: 'Unmount the phase 1 file system (OCFS2 replaces it).',
      commands: [`umount ${r.mount.path}`],
    });
    steps.push({
      on: hosts,
      why: 'See what the new configuration changes (dry run: drbdadm prints the drbdsetup calls), then apply it to the running resource.',
      commands: [`drbdadm -d adjust ${r.name}`, `drbdadm adjust ${r.name}`],
    });
    steps.push({
      on: r.hosts
        .filter((h) => h.name !== primary)
        .map((h) => h.name)
        .join(', '),
      why: 'Promote the other node too: OCFS2 needs the device primary everywhere (`allow-two-primaries`).',
      commands: [`drbdadm primary ${r.name}`, watchSync(plan, r.name)],
    });
    if (r.mount.fsType === 'ocfs2') ocfs2Steps(plan, r, primary, steps);
  }
}

function backupSteps(plan: LabPlan, steps: Step[]): void {
  const b = plan.backup!;
  const server = plan.nodes.find((x) => x.name === b.server)!;
  steps.push({
    on: b.server,
    why: `Create the \`${b.user}\` user that owns the repositories and install its authorized_keys: each client's key may run \`borg serve\` on its own repository and nothing else.`,
    commands: [
      `id ${b.user} || adduser --disabled-password --gecos 'Borg repositories' --home ${b.home} ${b.user}`,
      `install -d -o ${b.user} -g ${b.user} -m 0700 ${b.home}/.ssh`,
      `install -o ${b.user} -g ${b.user} -m 0600 ${STAGING_DIR}${b.home}/.ssh/authorized_keys ${b.home}/.ssh/authorized_keys`,
      'ssh-keygen -l -f /etc/ssh/ssh_host_ed25519_key.pub',
    ],
  });
  for (const { client, url, commands } of b.clients) {
    const env = `export BORG_RSH='ssh -i ${client.keyFile} -o BatchMode=yes' BORG_PASSCOMMAND='cat ${PASSPHRASE_FILE}'`;
    const probe = restoreProbe(client.paths[0]!);
    steps.push({
      on: client.node,
      why: `Trust ${b.server}'s SSH host key (the backups run with \`BatchMode=yes\`, which never asks): the fingerprint printed must be the one the previous step printed on ${b.server}.`,
      commands: [
        `ssh-keyscan -t ed25519 ${server.address} > /root/.ssh/known_hosts.${b.server}`,
        `ssh-keygen -l -f /root/.ssh/known_hosts.${b.server}`,
        `cat /root/.ssh/known_hosts.${b.server} >> /root/.ssh/known_hosts`,
      ],
    });
    steps.push({
      on: client.node,
      why: 'Create the passphrase the repository key is encrypted with (readable by root only).',
      commands: [
        'install -d -m 0700 /etc/borg',
        `test -s ${PASSPHRASE_FILE} || (umask 077 && head -c 32 /dev/urandom | base64 > ${PASSPHRASE_FILE})`,
      ],
    });
    steps.push({
      on: client.node,
      why: `Create ${client.node}'s own repository on \`${b.server}\` with \`${client.encryption}\` encryption, and export its key on paper: keep that file and the passphrase off these machines, without them the backups cannot be read.`,
      commands: [
        env,
        shellLine(commands.init()),
        `(umask 077 && ${shellLine(commands.keyExportPaper())} > /root/borg-key-${client.node}.txt)`,
      ],
    });
    steps.push({
      on: client.node,
      why: `Install ftkit (Node 20.19 or later) if it is not here yet: the units run each Borg command through \`ftkit borg run\`, which adds \`--log-json\`, says why a run warned or failed, exits with borg's code and writes the verdict to \`${TEXTFILE_DIR}/borg.prom\` for node_exporter's textfile collector.`,
      commands: ['command -v ftkit || npm install -g @ftkit/lab', `install -d -m 0755 ${TEXTFILE_DIR}`],
    });
    steps.push({
      on: client.node,
      why: `Make a file to restore later, run the first backup the way the unit runs it and verify every chunk of the repository. Healthy is \`borg_last_run_outcome\` 0 (1: a warning, such as a file that changed while Borg read it, which \`ftkit borg run\` names; 2: failed).`,
      commands: [
        env,
        `mkdir -p ${probe} && date > ${probe}/hello.txt`,
        shellLine(borgRunArgv(commands.create(), commands.repository)),
        `grep -E '^borg_last_(run_outcome|archive_files)' ${TEXTFILE_DIR}/borg.prom`,
        shellLine(commands.check()),
      ],
    });
    steps.push({
      on: client.node,
      why: `Restore test: extract the newest archive's test directory into ${RESTORE_DIR} (never over the live files) and compare.`,
      commands: [
        env,
        shellLine(commands.list()),
        `rm -rf ${RESTORE_DIR} && mkdir -p ${RESTORE_DIR} && cd ${RESTORE_DIR}`,
        `borg extract "${url}::$(borg list --short --last 1 ${url})" ${probe.slice(1)}`,
        `diff -r ${probe} ${RESTORE_DIR}${probe} && echo restore OK`,
      ],
    });
    steps.push({
      on: client.node,
      why: `Enable the schedules now and at every boot: backup, prune${commands.compact() ? ' + compact' : ` (borg ${plan.borgSeries} has no \`compact\`: prune frees the space itself)`} by the retention policy, and a full \`--verify-data\` check.`,
      commands: [
        'systemctl daemon-reload',
        'systemctl enable --now borg-backup.timer borg-prune.timer borg-check.timer',
        "systemctl list-timers 'borg-*'",
      ],
    });
  }
}
