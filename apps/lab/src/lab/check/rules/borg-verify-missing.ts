import { defineLabRule } from '../rule.js';
import { borgCommands } from './util.js';

/** Only `borg check --verify-data` reads every chunk back; without it silent corruption stays hidden. */
export const borgVerifyMissing = defineLabRule({
  meta: {
    id: 'borg-verify-missing',
    description:
      'A node that runs `borg create` also schedules `borg check --verify-data` for the repository',
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      missing:
        'Missing `borg check --verify-data` for repository `{{repo}}`: a damaged backup is found only when restoring',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      for (const create of borgCommands(n, 'create')) {
        const repo = create.repository?.value.split('::')[0] ?? '(BORG_REPO)';
        const checks = borgCommands(n, 'check').filter(
          (c) =>
            (c.repository?.value.split('::')[0] ?? '(BORG_REPO)') === repo &&
            c.argv.includes('--verify-data'),
        );
        if (checks.length > 0) continue;
        const weak = borgCommands(n, 'check');
        report({
          messageId: 'missing',
          data: { repo },
          at: create.at,
          related: weak.map((c) => ({ ...c.at, message: 'this check does not read the data back' })),
        });
      }
    }
  },
});
