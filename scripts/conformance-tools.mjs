// The real tools the conformance suites (test/conformance/, test/slow/) compare ftkit with, and
// the Debian package of each. `npm run test:conformance` runs this first: when a tool is missing
// it installs the packages with apt-get if it runs as root, and otherwise stops, naming the
// packages to install. A suite never skips a missing tool; without this step it fails.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** [command or absolute path, Debian package]. */
const tools = [
  ['drbdadm', 'drbd-utils'],
  ['/usr/lib/drbd/drbdadm-84', 'drbd-utils'],
  ['/usr/lib/drbd/drbdadm-83', 'drbd-utils'],
  ['o2cb', 'ocfs2-tools'],
  ['/etc/init.d/o2cb', 'ocfs2-tools'],
  ['borg', 'borgbackup'],
  ['borg2', 'borgbackup2'],
  ['findmnt', 'util-linux'],
  ['unshare', 'util-linux'],
  ['ip', 'iproute2'],
  ['systemd-analyze', 'systemd'],
  // `promtool check metrics` on borg.prom (packages/borg, apps/lab borg-run).
  ['promtool', 'prometheus'],
  ['dash', 'dash'],
  // `promtool check metrics` over every Prometheus exposition ftkit writes
  ['promtool', 'prometheus'],
  ['bash', 'bash'],
  // The lab: the Pacemaker variant, its fence agent and resource agents, and sshd for the
  // runbook's borg steps.
  ['crm_verify', 'pacemaker-cli-utils'],
  ['corosync', 'corosync'],
  ['fence_virsh', 'fence-agents'],
  ['/usr/lib/ocf/resource.d/heartbeat/Filesystem', 'resource-agents'],
  ['/usr/sbin/sshd', 'openssh-server'],
  ['/usr/sbin/adduser', 'adduser'],
];

const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin'];
const found = (tool) => {
  const candidates = tool.startsWith('/') ? [tool] : dirs.filter(Boolean).map((d) => join(d, tool));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
};

const missing = () => [...new Set(tools.filter(([tool]) => !found(tool)).map(([, pkg]) => pkg))];

let need = missing();
if (need.length > 0 && process.getuid?.() === 0 && found('apt-get')) {
  console.log(`conformance: installing ${need.join(' ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
  if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', '--no-install-recommends', ...need])) {
    console.error('conformance: apt-get failed');
    process.exit(1);
  }
  need = missing();
}
if (need.length > 0) {
  const names = tools.filter(([, pkg]) => need.includes(pkg)).map(([tool]) => tool);
  console.error(
    `conformance: missing ${names.join(', ')}; install the Debian packages ${need.join(' ')} (as root: apt-get install ${need.join(' ')}), then run npm run test:conformance again`,
  );
  process.exit(1);
}
console.log('conformance: every real tool is installed');
