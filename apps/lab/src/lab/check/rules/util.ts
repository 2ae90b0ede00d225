import type { BorgCommandFact, FstabEntryFact, Located, NodeFacts } from '../facts.js';

/** o2cb's local-node test: equal ignoring case, or equal to the host name's part before the first dot. */
export function sameHost(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y || x === y.split('.')[0] || y === x.split('.')[0];
}

/** The mount option `name` or `name=value` of an entry. */
export function option(e: FstabEntryFact, name: string): Located<string> | undefined {
  return e.options.find((o) => o.value === name || o.value.startsWith(`${name}=`));
}

/** File systems that several nodes may mount at once. */
export const clusterFileSystems: ReadonlySet<string> = new Set(['ocfs2', 'gfs2']);

/** File systems that corrupt when two nodes mount them. */
export const localFileSystems: ReadonlySet<string> = new Set([
  'ext2',
  'ext3',
  'ext4',
  'xfs',
  'btrfs',
  'vfat',
]);

/** fstab entries whose device is a DRBD device (`/dev/drbdN`, `/dev/drbd/by-res/…`). */
export function drbdMounts(n: NodeFacts): FstabEntryFact[] {
  return n.fstab.filter((e) => e.spec.value.startsWith('/dev/drbd'));
}

/** The DRBD resource (and its file) that defines `device` in a node's tree. */
export function resourceForDevice(n: NodeFacts, device: string) {
  for (const r of n.drbd) {
    if (`/dev/drbd/by-res/${r.name.value}` === device || `/dev/drbd/by-res/${r.name.value}/0` === device)
      return r;
    if (r.hosts.some((h) => h.device?.value === device)) return r;
  }
  return undefined;
}

/** A parsed Borg repository location. */
export interface RepoLocation {
  readonly user?: string;
  readonly host?: string;
  /** Path on the server; relative paths are relative to the user's home. */
  readonly path: string;
}

/** Parses `ssh://user@host[:port]/path`, `user@host:path` or a local path (archive `::NAME` removed). */
export function parseRepo(text: string): RepoLocation {
  const repo = text.includes('::') ? text.slice(0, text.indexOf('::')) : text;
  const ssh = /^ssh:\/\/(?:([^@/]+)@)?(\[[^\]]+\]|[^:/]+)(?::\d+)?(\/.*)$/.exec(repo);
  if (ssh) {
    const path = ssh[3]!.startsWith('/./')
      ? ssh[3]!.slice(3)
      : ssh[3]!.startsWith('/~/')
        ? ssh[3]!.slice(3)
        : ssh[3]!;
    return { ...(ssh[1] ? { user: ssh[1] } : {}), host: ssh[2]!, path };
  }
  const scp = /^(?:([^@/]+)@)?([^:/]+):(.*)$/.exec(repo);
  if (scp) return { ...(scp[1] ? { user: scp[1] } : {}), host: scp[2]!, path: scp[3]! };
  return { path: repo };
}

/** Makes a repository path absolute against the user's home. */
export function absoluteRepoPath(path: string, home: string): string {
  const p = path.startsWith('/') ? path : `${home.replace(/\/$/, '')}/${path}`;
  return p.replace(/\/+$/, '') || '/';
}

/** Whether `path` is `dir` or inside it. */
export function isUnder(path: string, dir: string): boolean {
  const d = dir.replace(/\/+$/, '');
  return d === '' || path === d || path.startsWith(`${d}/`);
}

/** The node whose tree belongs to the host `host` (a node name or any address it has). */
export function nodeForHost(nodes: readonly NodeFacts[], host: string): NodeFacts | undefined {
  return nodes.find(
    (n) =>
      sameHost(n.node, host) ||
      (n.hostname && sameHost(n.hostname.value, host)) ||
      n.drbd.some((r) =>
        r.hosts.some((h) => sameHost(h.name.value, n.hostname?.value ?? n.node) && h.address?.value === host),
      ) ||
      n.clusters.some((c) =>
        c.nodes.some((cn) => sameHost(cn.name.value, n.hostname?.value ?? n.node) && cn.ip?.value === host),
      ),
  );
}

/** The name a tree goes by: its `/etc/hostname`, else the node name it was given. */
export function hostOf(n: NodeFacts): string {
  return n.hostname?.value ?? n.node;
}

/** Borg commands of a node whose sub-command is one of `names`. */
export function borgCommands(n: NodeFacts, ...names: string[]): BorgCommandFact[] {
  return n.borgCommands.filter((c) => names.includes(c.command));
}

/** `"a", "b" and "c"` style list of backticked names. */
export function listNames(names: readonly string[]): string {
  const q = names.map((x) => `\`${x}\``);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}
