import { shellLine } from './borg-commands.js';
import type { LabPlan } from './plan.js';
import { PASSPHRASE_FILE } from './units.js';

interface Step {
  readonly on: string;
  readonly why: string;
  readonly commands: readonly string[];
}

/**
 * RUNBOOK.md: the ordered commands per node, each with a line saying why. Deterministic: the
 * same plan gives the same text.
 */
export function emitRunbook(plan: LabPlan, outDir = 'lab-out'): string {
  const all = plan.nodes.map((n) => n.name).join(', ');
  const steps: Step[] = [];
  const pkgs = [
    'drbd-utils',
    ...(plan.cluster ? ['ocfs2-tools'] : []),
    ...(plan.backup ? ['borgbackup'] : []),
  ];
  steps.push({
    on: all,
    why: 'Install the tools this lab uses (Ubuntu 20.04 ships DRBD 8.4 kernel modules; drbd-utils 9 talks to both).',
    commands: [`apt-get install -y ${pkgs.join(' ')}`],
  });
  for (const n of plan.nodes) {
    const keys =
      plan.backup?.server === n.name
        ? `${outDir}/${n.name}${plan.backup.home}/.ssh/authorized_keys`
        : undefined;
    steps.push({
      on: `your workstation (for ${n.name})`,
      why: `Copy this node's tree into place: every file under \`${outDir}/${n.name}/etc/\` belongs at the same path under \`/etc/\`${keys ? '; the Borg authorized_keys is installed in a later step, once its user exists' : ''}.`,
      commands: [
        `rsync -a --chown=root:root ${outDir}/${n.name}/etc/ root@${n.address}:/etc/`,
        ...(keys ? [`scp ${keys} root@${n.address}:/root/borg-authorized_keys`] : []),
      ],
    });
  }
  for (const r of plan.resources) {
    const hosts = r.hosts.map((h) => h.name).join(', ');
    const primary = r.mountedOn[0] ?? plan.primary;
    steps.push({
      on: hosts,
      why: `Write DRBD's metadata for \`${r.name}\` (${r.metaDisk === 'internal' ? `at the end of \`${r.disk}\`` : `on \`${r.metaDisk}\``}); this is the only step that touches the disk before DRBD owns it.`,
      commands: [`drbdadm create-md ${r.name}`],
    });
    steps.push({
      on: hosts,
      why: `Attach \`${r.disk}\` and connect to the peers on port ${r.hosts[0]!.port}; both sides show \`Inconsistent\` until the first sync.`,
      commands: [`drbdadm up ${r.name}`],
    });
    steps.push({
      on: primary,
      why: "Start the initial sync: declare this node's (empty) disk the good copy and overwrite the peers. Run it on ONE node only.",
      commands: [
        plan.drbdVersion === '9'
          ? `drbdadm primary --force ${r.name}`
          : `drbdadm -- --overwrite-data-of-peer primary ${r.name}`,
      ],
    });
    steps.push({
      on: hosts,
      why: 'Watch the sync until every peer disk is `UpToDate` (ftkit explains the state; drbdadm shows the raw one).',
      commands: ['watch -n2 ftkit status', `drbdadm status ${r.name}`],
    });
    if (r.mount.fsType === 'ocfs2') {
      steps.push({
        on: r.hosts
          .filter((h) => h.name !== primary)
          .map((h) => h.name)
          .join(', '),
        why: 'Promote the other nodes too (after the sync): OCFS2 needs the device primary everywhere (`allow-two-primaries`).',
        commands: [`drbdadm primary ${r.name}`],
      });
    }
  }
  if (plan.cluster) {
    const c = plan.cluster;
    steps.push({
      on: c.nodes.map((n) => n.name).join(', '),
      why: `Start the o2cb cluster stack: the init script reads /etc/default/o2cb and registers cluster \`${c.name}\` from /etc/ocfs2/cluster.conf.`,
      commands: ['systemctl enable --now o2cb', 'systemctl enable ocfs2', `o2cb list-cluster ${c.name}`],
    });
    for (const r of plan.resources.filter((x) => x.mount.fsType === 'ocfs2')) {
      steps.push({
        on: r.mountedOn[0]!,
        why: `Make the OCFS2 file system once, with ${c.slots} node slots (one per node that mounts it; more can be added later with tunefs.ocfs2).`,
        commands: [
          `mkfs.ocfs2 -N ${c.slots} -L ${r.name} --cluster-stack=o2cb --cluster-name=${c.name} ${r.device}`,
        ],
      });
    }
  }
  for (const r of plan.resources) {
    if (r.mount.fsType !== 'ocfs2')
      steps.push({
        on: r.mountedOn.join(', '),
        why: `Make the ${r.mount.fsType} file system on the primary only: a non-cluster file system must never be mounted on two nodes.`,
        commands: [`mkfs.${r.mount.fsType} ${r.device}`],
      });
    steps.push({
      on: r.mountedOn.join(', '),
      why: 'Add the fstab fragment to /etc/fstab (once) and mount. The entry has `noauto`: DRBD must be primary first, so mount by hand or from your cluster manager.',
      commands: [
        'grep -qxF -f /etc/fstab.d/ftkit-lab.fstab /etc/fstab || cat /etc/fstab.d/ftkit-lab.fstab >> /etc/fstab',
        `mkdir -p ${r.mount.path}`,
        `mount ${r.mount.path}`,
      ],
    });
  }
  if (plan.backup) {
    const b = plan.backup;
    steps.push({
      on: b.server,
      why: `Create the \`${b.user}\` user that owns the repository; its authorized_keys (generated) lets each client run \`borg serve\` and nothing else.`,
      commands: [
        `adduser --disabled-password --gecos 'Borg repositories' --home ${b.home} ${b.user}`,
        `install -d -o ${b.user} -g ${b.user} -m 700 ${b.home}/.ssh`,
        `install -o ${b.user} -g ${b.user} -m 600 /root/borg-authorized_keys ${b.home}/.ssh/authorized_keys`,
      ],
    });
    for (const { client, url, commands } of b.clients) {
      const env = `export BORG_RSH='ssh -i ${client.keyFile} -o BatchMode=yes' BORG_PASSCOMMAND='cat ${PASSPHRASE_FILE}'`;
      steps.push({
        on: client.node,
        why: 'Create the SSH key the backups use; put its public half into the spec (`backup.clients[].publicKey`) and generate again if it differs.',
        commands: [`ssh-keygen -t ed25519 -N '' -f ${client.keyFile}`, `cat ${client.keyFile}.pub`],
      });
      steps.push({
        on: client.node,
        why: 'Create the passphrase the repository key is encrypted with (readable by root only).',
        commands: [
          'install -d -m 700 /etc/borg',
          `(umask 077 && head -c 32 /dev/urandom | base64 > ${PASSPHRASE_FILE})`,
        ],
      });
      steps.push({
        on: client.node,
        why: `Create the repository on \`${b.server}\` with \`${client.encryption}\` encryption.`,
        commands: [env, shellLine(commands.init())],
      });
      steps.push({
        on: client.node,
        why: 'Export the key on paper and keep it (and the passphrase) off these machines: without them the backups cannot be read.',
        commands: [shellLine(commands.keyExportPaper())],
      });
      steps.push({
        on: client.node,
        why: 'Enable the schedules: backup, prune + compact (retention), and a full `--verify-data` check.',
        commands: [
          'systemctl daemon-reload',
          'systemctl enable --now borg-backup.timer borg-prune.timer borg-check.timer',
        ],
      });
      steps.push({
        on: client.node,
        why: 'Run the first backup now and read its statistics.',
        commands: ['systemctl start borg-backup.service', 'journalctl -u borg-backup.service -n 30'],
      });
      steps.push({
        on: client.node,
        why: 'Verify the repository reads back (this is what the weekly check does).',
        commands: [env, shellLine(commands.check())],
      });
      steps.push({
        on: client.node,
        why: 'Test a restore: list the archives, then extract the newest one as a dry run (no files written).',
        commands: [
          env,
          shellLine(commands.list()),
          `${shellLine(['borg', 'extract', '--dry-run', '--list'])} "${url}::$(borg list --short --last 1 ${url})"`,
        ],
      });
    }
  }
  const out: string[] = [];
  out.push(`# RUNBOOK: ${plan.spec.name} (${plan.mode}, DRBD ${plan.drbdVersion})`, '');
  out.push(
    'Generated by `ftkit lab generate`; run the steps in order. Each step names the node(s) it runs on, says why, and gives the commands (as root).',
    '',
  );
  out.push('| node | address | tree |', '| --- | --- | --- |');
  for (const n of plan.nodes) out.push(`| ${n.name} | ${n.address} | \`${n.name}/\` |`);
  out.push('');
  steps.forEach((s, i) => {
    out.push(`## ${i + 1}. On ${s.on}`, '', s.why, '', '```sh', ...s.commands, '```', '');
  });
  out.push(
    '## Check the trees',
    '',
    'Before and after deploying, check every file and how the files fit together:',
    '',
  );
  out.push(
    '```sh',
    `ftkit lab check ${plan.nodes.map((n) => `${n.name}=${outDir}/${n.name}`).join(' ')}`,
    '```',
    '',
  );
  return out.join('\n');
}
