import type { LabSpec } from './spec.js';

/**
 * The lab ftkit was born from (../shared/reference/original-lab.txt), in both of its phases:
 * single-primary with ext4, then the dual-primary change with OCFS2, on two Ubuntu 20.04 VMs
 * (in-tree DRBD 8.4.11 module, the distribution's borg 1.1) with a spare disk `/dev/vdb`, DRBD
 * resource `r0` on port 7788, OCFS2 cluster `ocfs2cluster` on port 7777, and vm2 backing up `/home` to the
 * Borg repository `BackupRepo` on vm1. `ftkit lab generate` without a spec uses it.
 *
 * The public key is an example (its private half was thrown away): put the key of vm2's root
 * user here before deploying (RUNBOOK.md says how).
 *
 * Every field is written out (the schema's defaults included), so it is a complete `LabSpec`:
 * `ftkit lab generate` uses it as it is, without loading the schema (a test checks that the
 * schema accepts it and adds nothing).
 */
export const defaultLabSpec: LabSpec = {
  name: 'ftkit seed lab',
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
      verifyAlg: 'sha256',
      resyncRate: '100M',
      wfcTimeout: 60,
      degrWfcTimeout: 15,
      peerAuthentication: true,
      mount: { path: '/srv' },
    },
  ],
  ocfs2: {
    cluster: 'ocfs2cluster',
    port: 7777,
    heartbeatThreshold: 31,
    idleTimeoutMs: 30000,
    keepaliveDelayMs: 2000,
    reconnectDelayMs: 2000,
  },
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
        compression: 'lz4',
        publicKey:
          'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC3BAcyDqFEIM2wf44vO5TMXlQCbBqaoV61geNQj6R/x root@vm2 (ftkit lab example key)',
        keyFile: '/root/.ssh/id_ed25519_borg',
      },
    ],
    retention: { daily: 7, weekly: 4, monthly: 6 },
    schedule: { create: '*-*-* 01:30:00', prune: '*-*-* 05:00:00', verify: 'Sun *-*-* 06:00:00' },
  },
};
