import { defineLabRule } from '../rule.js';
import { borgCommands, parseRepo } from './util.js';

/** prune, compact or check pointed at another repository than create maintain nothing. */
export const borgRepositoryDrift = defineLabRule({
  meta: {
    id: 'borg-repository-drift',
    description: "A node's borg prune, compact and check units name the repository its create unit writes",
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      drift:
        'Expected repository `{{repo}}` as in `{{createUnit}}`, found `{{found}}`: `borg {{command}}` maintains a different repository',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      const creates = borgCommands(n, 'create').filter((c) => c.repository);
      if (creates.length !== 1) continue;
      const create = creates[0]!;
      const repo = parseRepo(create.repository!.value);
      for (const c of borgCommands(n, 'prune', 'compact', 'check')) {
        if (!c.repository) continue;
        const other = parseRepo(c.repository.value);
        if (other.path === repo.path && other.host === repo.host && other.user === repo.user) continue;
        report({
          messageId: 'drift',
          data: {
            repo: create.repository!.value.split('::')[0]!,
            createUnit: create.unit.name,
            found: c.repository.value,
            command: c.command,
          },
          at: c.repository,
          related: [{ ...create.repository!, message: 'borg create writes here' }],
        });
      }
    }
  },
});
