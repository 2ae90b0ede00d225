import { defineLabRule } from '../rule.js';
import { borgCommands } from './util.js';

/** Without `borg prune` the repository grows until the disk is full. */
export const borgRetentionMissing = defineLabRule({
  meta: {
    id: 'borg-retention-missing',
    description:
      'A node that runs `borg create` also runs `borg prune` with a retention policy and `borg compact`',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      prune:
        'Missing `borg prune --keep-…` for repository `{{repo}}`: archives pile up until the disk is full',
      compact:
        'Missing `borg compact` for repository `{{repo}}`: borg 1.2 frees pruned space only when compacting',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      for (const create of borgCommands(n, 'create')) {
        const repo = create.repository?.value.split('::')[0] ?? '(BORG_REPO)';
        const same = (c: { repository?: { value: string } }) =>
          (c.repository?.value.split('::')[0] ?? '(BORG_REPO)') === repo;
        const prunes = borgCommands(n, 'prune').filter(same);
        if (!prunes.some((p) => p.argv.some((a) => a.startsWith('--keep-')))) {
          report({
            messageId: 'prune',
            data: { repo },
            at: create.at,
            related: prunes.map((p) => ({ ...p.at, message: 'this prune keeps no archives by period' })),
          });
          continue;
        }
        // borg 1.1 has no `compact`: its prune frees the space when it commits.
        if (facts.borgVersion !== '1.1' && !borgCommands(n, 'compact').some(same))
          report({
            messageId: 'compact',
            data: { repo },
            at: create.at,
            related: prunes.map((p) => ({ ...p.at, message: 'prune runs here' })),
          });
      }
    }
  },
});
