import type { AuthorizedKeyFact, BorgCommandFact, LabFacts, NodeFacts } from '../facts.js';
import { nodeForHost, parseRepo, type RepoLocation } from './util.js';

/** A client's use of a remote repository, with the server tree when it is part of the check. */
export interface RemoteUse {
  readonly client: NodeFacts;
  readonly command: BorgCommandFact;
  readonly repo: RepoLocation;
  readonly server: NodeFacts | undefined;
  /** The server user's authorized_keys lines (empty when the server has none for that user). */
  readonly keys: readonly AuthorizedKeyFact[];
}

/** Every borg command that talks to a repository over SSH. */
export function remoteUses(facts: LabFacts): RemoteUse[] {
  const out: RemoteUse[] = [];
  for (const client of facts.nodes) {
    for (const command of client.borgCommands) {
      if (!command.repository) continue;
      const repo = parseRepo(command.repository.value);
      if (!repo.host) continue;
      const server = nodeForHost(facts.nodes, repo.host);
      const user = repo.user ?? 'root';
      out.push({
        client,
        command,
        repo,
        server,
        keys: server ? server.authorizedKeys.filter((k) => k.user === user) : [],
      });
    }
  }
  return out;
}

/** The `borg serve` command forced by an authorized_keys line, if any. */
export function forcedServe(k: AuthorizedKeyFact): string | undefined {
  const c = k.options.get('command');
  return c && typeof c.value === 'string' && /(^|[\s/])borg(1|2)?\s+serve\b/.test(c.value)
    ? c.value
    : undefined;
}

/** The paths a `borg serve` command restricts to (`--restrict-to-path` / `--restrict-to-repository`). */
export function restrictedPaths(command: string): string[] {
  const out: string[] = [];
  const re = /--restrict-to-(?:path|repository)(?:=|\s+)("[^"]*"|'[^']*'|\S+)/g;
  for (const m of command.matchAll(re)) out.push(m[1]!.replace(/^["']|["']$/g, ''));
  return out;
}
