import { defineLabRule } from '../rule.js';
import { remoteUses } from './borg-shared.js';

/** A client that backs up to a server in the lab needs a key line there. */
export const borgServerKeyMissing = defineLabRule({
  meta: {
    id: 'borg-server-key-missing',
    description: 'The Borg server has an authorized_keys entry for the user a client connects as',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      missing:
        'Missing `/home/{{user}}/.ssh/authorized_keys` on `{{server}}`: `{{client}}` cannot log in to back up',
    },
  },
  check({ facts, report }) {
    const done = new Set<string>();
    for (const use of remoteUses(facts)) {
      if (!use.server || use.keys.length > 0) continue;
      const user = use.repo.user ?? 'root';
      const id = `${use.client.node}>${use.server.node}:${user}`;
      if (done.has(id)) continue;
      done.add(id);
      report({
        messageId: 'missing',
        data: { user, server: use.server.node, client: use.client.node },
        at: use.command.repository!,
      });
    }
  },
});
