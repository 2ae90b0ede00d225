import type { DrbdHost, DrbdResource } from '../schema.js';
import type { DrbdVersion } from './options.js';

/**
 * Whether `node` (the local host name, as `uname -n` gives it) is one of `names`. 8.4 compares
 * exactly; 9 ignores case and lets a short name match an FQDN when only one side has a domain.
 */
export function nameMatches(name: string, node: string, version: DrbdVersion): boolean {
  if (version === '8.4') return name === node;
  const a = name.toLowerCase();
  const b = node.toLowerCase();
  if (a === b) return true;
  const ad = a.includes('.');
  const bd = b.includes('.');
  if (ad === bd) return false;
  return ad ? a.split('.')[0] === b : b.split('.')[0] === a;
}

/** The host sections of `r` that are the local node `node` (`on` names; floating needs an IP). */
export function localHosts(r: DrbdResource, node: string | undefined, version: DrbdVersion): DrbdHost[] {
  if (node === undefined) return [];
  return r.hosts.filter(
    (h) => (h.kind === 'on' || h.kind === '_this_host') && h.names.some((n) => nameMatches(n, node, version)),
  );
}
