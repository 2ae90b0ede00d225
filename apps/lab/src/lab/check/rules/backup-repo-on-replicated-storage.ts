import { defineLabRule } from '../rule.js';
import { remoteUses } from './borg-shared.js';
import { absoluteRepoPath, drbdMounts, isUnder } from './util.js';

/** A backup on the replicated device it protects dies with it (split brain, mkfs, a bad resync). */
export const backupRepoOnReplicatedStorage = defineLabRule({
  meta: {
    id: 'backup-repo-on-replicated-storage',
    description: 'The Borg repository does not live on the replicated storage it protects',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      inside:
        'Unexpected repository `{{repo}}` under `{{mount}}`, the mount of DRBD device `{{device}}`: the backup shares the fate of the replicated data',
    },
  },
  check({ facts, report }) {
    for (const use of remoteUses(facts)) {
      if (!use.server) continue;
      const repoPath = absoluteRepoPath(use.repo.path, `/home/${use.repo.user ?? 'root'}`);
      for (const e of drbdMounts(use.server)) {
        if (!isUnder(repoPath, e.mountPoint.value)) continue;
        report({
          messageId: 'inside',
          data: { repo: repoPath, mount: e.mountPoint.value, device: e.spec.value },
          at: use.command.repository!,
          related: [{ ...e.mountPoint, message: 'the replicated device is mounted here' }],
        });
      }
    }
  },
});
