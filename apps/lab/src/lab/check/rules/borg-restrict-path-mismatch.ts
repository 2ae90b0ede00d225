import { defineLabRule } from '../rule.js';
import { forcedServe, remoteUses, restrictedPaths } from './borg-shared.js';
import { absoluteRepoPath, isUnder } from './util.js';

/** `borg serve --restrict-to-path` must cover the repository the client names, or every run fails. */
export const borgRestrictPathMismatch = defineLabRule({
  meta: {
    id: 'borg-restrict-path-mismatch',
    description: "The server key's `--restrict-to-path` covers the repository the client uses",
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      outside:
        'Expected `--restrict-to-path` to cover `{{repo}}`, found {{paths}}: borg refuses the repository',
      none: 'Missing `--restrict-to-path` in the forced `borg serve`: the key can reach every repository of `{{user}}`',
    },
  },
  check({ facts, report }) {
    for (const use of remoteUses(facts)) {
      const home = `/home/${use.keys[0]?.user ?? use.repo.user ?? 'root'}`;
      const repoPath = absoluteRepoPath(use.repo.path, home);
      // Each client has its own key and repository: one key that covers the repository is enough.
      const covers = use.keys.some((k) => {
        const serve = forcedServe(k);
        const paths = serve ? restrictedPaths(serve) : [];
        return paths.some((p) => isUnder(repoPath, absoluteRepoPath(p, home)));
      });
      if (covers) continue;
      for (const k of use.keys) {
        const serve = forcedServe(k);
        if (!serve) continue;
        const paths = restrictedPaths(serve);
        const related = [
          { ...use.command.repository!, message: `\`${use.client.node}\` uses this repository` },
        ];
        const cmd = k.options.get('command')!;
        if (paths.length === 0) {
          report({ messageId: 'none', data: { user: k.user }, at: cmd, related });
          continue;
        }
        if (paths.some((p) => isUnder(repoPath, absoluteRepoPath(p, home)))) continue;
        report({
          messageId: 'outside',
          data: { repo: repoPath, paths: paths.map((p) => `\`${p}\``).join(', ') },
          at: cmd,
          related,
        });
      }
    }
  },
});
