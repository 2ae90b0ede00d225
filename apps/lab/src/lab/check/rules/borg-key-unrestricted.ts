import { defineLabRule } from '../rule.js';
import { forcedServe, remoteUses } from './borg-shared.js';

/** A key that is not forced to `borg serve` gives the client a shell on the backup server. */
export const borgKeyUnrestricted = defineLabRule({
  meta: {
    id: 'borg-key-unrestricted',
    description: "Keys in the Borg server user's authorized_keys are forced to `borg serve` and `restrict`ed",
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      command:
        'Missing `command="borg serve …"` on this key of `{{user}}`: the backup client `{{client}}` gets a full shell on the server',
      restrict:
        'Missing `restrict` on this key of `{{user}}`: port, agent and X11 forwarding stay open to `{{client}}`',
    },
  },
  check({ facts, report }) {
    const done = new Set<string>();
    for (const use of remoteUses(facts)) {
      for (const k of use.keys) {
        const id = `${k.file}:${k.span.start}`;
        if (done.has(id)) continue;
        const related = [
          { ...use.command.repository!, message: `\`${use.client.node}\` uses this repository` },
        ];
        if (!forcedServe(k)) {
          done.add(id);
          report({
            messageId: 'command',
            data: { user: k.user, client: use.client.node },
            at: { file: k.file, span: k.span },
            related,
          });
        } else if (!k.options.has('restrict')) {
          done.add(id);
          report({
            messageId: 'restrict',
            data: { user: k.user, client: use.client.node },
            at: { file: k.file, span: k.span },
            related,
          });
        }
      }
    }
  },
});
