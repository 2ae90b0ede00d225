// The seed lab as TypeScript: `ftkit lab generate examples/seed-lab.ts --out lab-out`
// (TypeScript specs need Node 22.18 or later; use the YAML form on older Node versions).
import { defineLab } from '@ftkit/lab';

export default defineLab({
  name: 'ftkit seed lab',
  // The original lab: single-primary with ext4, then the dual-primary change with OCFS2, on
  // Ubuntu 20.04's own DRBD 8.4.11 module and borg 1.1, without a cluster manager.
  mode: 'single-then-dual-primary',
  platform: 'ubuntu-20.04',
  fencing: 'none',
  primary: 'vm1',
  nodes: [
    { name: 'vm1', address: '10.1.1.61' },
    { name: 'vm2', address: '10.1.1.92' },
  ],
  resources: [
    {
      name: 'r0',
      device: '/dev/drbd0',
      disk: '/dev/vdb',
      metaDisk: 'internal',
      port: 7788,
      protocol: 'C',
      // The original lab's `syncer { rate 100M; }` in today's syntax, and its `startup` timeouts
      // the right way round (RUNBOOK.md says why).
      resyncRate: '100M',
      wfcTimeout: 60,
      degrWfcTimeout: 15,
      mount: { path: '/srv' },
    },
  ],
  ocfs2: { cluster: 'ocfs2cluster', port: 7777 },
  backup: {
    server: 'vm1',
    user: 'borg',
    home: '/home/borg',
    repository: 'BackupRepo',
    clients: [
      {
        node: 'vm2',
        paths: ['/home'],
        excludes: ['/home/*/.cache'],
        encryption: 'repokey',
        // Replace with vm2's key: ssh-keygen -t ed25519 -f /root/.ssh/id_ed25519_borg
        publicKey:
          'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC3BAcyDqFEIM2wf44vO5TMXlQCbBqaoV61geNQj6R/x root@vm2 (ftkit lab example key)',
      },
    ],
    retention: { daily: 7, weekly: 4, monthly: 6 },
    schedule: { create: '*-*-* 01:30:00', prune: '*-*-* 05:00:00', verify: 'Sun *-*-* 06:00:00' },
  },
});
