import type { ClusterConf } from './model/types.js';

/** One stanza the way o2cb's writer (jconfig) prints it. */
export function emitStanza(type: string, attributes: readonly (readonly [string, string])[]): string {
  let out = `${type}:\n`;
  for (const [key, value] of attributes) {
    // An empty value has no blank after `=`; a newline inside a value becomes `\` + newline.
    out += value === '' ? `\t${key} =\n` : `\t${key} = ${value.replace(/\n/g, '\\\n')}\n`;
  }
  return `${out}\n`;
}

/** One cluster and its members, in model order, for {@link o2cbOrder}. */
export interface OrderEntry<C, H, N> {
  readonly cluster: C;
  readonly heartbeats: readonly H[];
  readonly nodes: readonly N[];
}

/** A stanza in o2cb's write order. */
export type Placed<C, H, N> =
  | { readonly type: 'cluster'; readonly item: C; readonly cluster: C }
  | { readonly type: 'heartbeat'; readonly item: H; readonly cluster: C }
  | { readonly type: 'node'; readonly item: N; readonly cluster: C };

/**
 * The order o2cb 1.8.7 writes stanzas in. Its writer stores each cluster, then that cluster's
 * heartbeats, then its nodes; jconfig then dumps the stanzas grouped by type, the types in the order
 * they first appeared. So usually clusters, heartbeats, nodes — but nodes come before heartbeats
 * when the first cluster with heartbeats comes after a cluster with nodes.
 */
export function o2cbOrder<C, H, N>(entries: readonly OrderEntry<C, H, N>[]): Placed<C, H, N>[] {
  const groups = new Map<string, Placed<C, H, N>[]>();
  const push = (p: Placed<C, H, N>) => {
    let g = groups.get(p.type);
    if (!g) {
      g = [];
      groups.set(p.type, g);
    }
    g.push(p);
  };
  for (const e of entries) {
    push({ type: 'cluster', item: e.cluster, cluster: e.cluster });
    for (const h of e.heartbeats) push({ type: 'heartbeat', item: h, cluster: e.cluster });
    for (const n of e.nodes) push({ type: 'node', item: n, cluster: e.cluster });
  }
  return [...groups.values()].flat();
}

/**
 * The file exactly as o2cb 1.8.7 writes it (reference §3): stanzas in {@link o2cbOrder}, attribute
 * order `name, heartbeat_mode, node_count` / `cluster, region` /
 * `cluster, number, ip_port, ip_address, name`; TAB indentation, `key = value`, a blank line after
 * each stanza. A model without clusters gives the empty string (o2cb writes a 0-byte file).
 */
export function emit(model: ClusterConf): string {
  let out = '';
  for (const p of o2cbOrder(
    model.clusters.map((c) => ({ cluster: c, heartbeats: c.heartbeats, nodes: c.nodes })),
  )) {
    const c = p.cluster;
    if (p.type === 'cluster')
      out += emitStanza('cluster', [
        ['name', c.name],
        ['heartbeat_mode', c.heartbeatMode],
        ['node_count', String(c.nodeCount)],
      ]);
    else if (p.type === 'heartbeat')
      out += emitStanza('heartbeat', [
        ['cluster', c.name],
        ['region', p.item.region],
      ]);
    else
      out += emitStanza('node', [
        ['cluster', c.name],
        ['number', String(p.item.number)],
        ['ip_port', String(p.item.ipPort)],
        ['ip_address', p.item.ipAddress],
        ['name', p.item.name],
      ]);
  }
  return out;
}
