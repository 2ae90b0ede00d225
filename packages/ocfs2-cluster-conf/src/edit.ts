import type { TextEdit } from '@ftkit/core';
import { FtkitError } from '@ftkit/core';
import type { AttributeLine, Stanza } from './cst/types.js';
import { type OrderEntry, o2cbOrder } from './emit.js';
import { CLUSTER_NAME_PATTERN, IPV4_PATTERN, LIMITS } from './limits.js';
import type { StanzaView } from './model/compose.js';
import type { Cluster, Heartbeat, HeartbeatMode, Node } from './model/types.js';
import { type ClusterConfParseResult, parse } from './parse.js';

/**
 * The edit helpers throw an `FtkitError` when the edit itself is impossible (unknown cluster,
 * taken node number …): `code` says which (`ocfs2/unknown-cluster`, …), `path` names the
 * argument, and the message follows o2cb's own wording, so scripts that knew o2cb read the same.
 */
function refuse(code: string, message: string, path: readonly (string | number)[]): never {
  throw new FtkitError(`ocfs2/${code}`, message, { path });
}

/** A node to add; `number` defaults to the lowest free one and `ipPort` to 7777, as `o2cb add-node`. */
export interface NodeInput {
  readonly name: string;
  readonly ipAddress: string;
  readonly number?: number;
  readonly ipPort?: number;
}

interface Ctx {
  readonly text: string;
  readonly parsed: ClusterConfParseResult;
  readonly indent: string;
  readonly sep: string;
}

function context(text: string): Ctx {
  const parsed = parse(text);
  // Keep the file's own layout for new lines: the first attribute's indentation and `=` spacing.
  let indent = '\t';
  let sep = ' = ';
  const first = parsed.links.stanzas.find((v) => v.attributes.length > 0)?.attributes[0];
  if (first?.equals && first.valid) {
    indent = first.indent.text;
    const before = text.slice(first.key.end, first.equals.start);
    const after = first.value ? text.slice(first.equals.end, first.value.start) : ' ';
    sep = `${before}=${after === '' ? '' : after}`;
  }
  return { text, parsed, indent, sep };
}

function clusterOf(ctx: Ctx, name: string, path: readonly string[] = ['cluster']): Cluster {
  const c = ctx.parsed.model.clusters.find((x) => x.name === name);
  if (!c) refuse('unknown-cluster', `Unknown cluster '${name}'`, path);
  return c;
}

function stanzaText(ctx: Ctx, type: string, attrs: readonly (readonly [string, string])[]): string {
  return `${type}:\n${attrs.map(([k, v]) => `${ctx.indent}${k}${v === '' ? ctx.sep.trimEnd() : ctx.sep}${v}\n`).join('')}`;
}

/** Index of a stanza among the document's top items. */
function itemIndex(ctx: Ctx, s: Stanza): number {
  return ctx.parsed.cst.items.indexOf(s);
}

/** Inserts a new stanza after `anchor` (or at `fallback`), keeping one blank line between stanzas. */
function insertStanza(ctx: Ctx, anchor: Stanza | undefined, body: string): TextEdit {
  const { text } = ctx;
  const items = ctx.parsed.cst.items;
  if (!anchor) {
    const firstStanza = items.find((i) => i.type === 'stanza');
    if (firstStanza) return { start: firstStanza.start, end: firstStanza.start, text: `${body}\n` };
    if (text === '') return { start: 0, end: 0, text: `${body}\n` };
    const sepText = text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return { start: text.length, end: text.length, text: `${sepText}${body}\n` };
  }
  const next = items[itemIndex(ctx, anchor) + 1];
  if (!text.slice(anchor.start, anchor.end).endsWith('\n'))
    return { start: anchor.end, end: anchor.end, text: `\n\n${body}` };
  if (next?.type === 'blank') return { start: next.end, end: next.end, text: `${body}\n` };
  return { start: anchor.end, end: anchor.end, text: `\n${body}` };
}

/** Deletes a stanza and the blank line after it. */
function deleteStanza(ctx: Ctx, s: Stanza): TextEdit {
  const next = ctx.parsed.cst.items[itemIndex(ctx, s) + 1];
  return { start: s.start, end: next?.type === 'blank' ? next.end : s.end, text: '' };
}

/** Replaces the value of an attribute line. */
function setValue(a: AttributeLine, value: string): TextEdit {
  const eq = a.equals!;
  const end = a.newline ? a.newline.start : a.end;
  const lead = a.value ? a.value.start : eq.end;
  if (a.value) return { start: lead, end, text: value.replace(/\n/g, '\\\n') };
  return { start: eq.end, end, text: value === '' ? '' : ` ${value}` };
}

/** Sets `key` in a stanza: replaces the last occurrence (the one o2cb reads) or adds a line. */
function setAttribute(ctx: Ctx, v: StanzaView, key: string, value: string, after?: string): TextEdit {
  const a = v.attrs.get(key);
  if (a) return setValue(a, value);
  const anchor = (after ? v.attrs.get(after) : undefined) ?? v.attributes[v.attributes.length - 1];
  const line = `${ctx.indent}${key}${ctx.sep}${value}\n`;
  if (!anchor) {
    const h = v.stanza.header;
    if (!h.newline) return { start: h.end, end: h.end, text: `\n${line.slice(0, -1)}` };
    return { start: h.end, end: h.end, text: line };
  }
  if (!anchor.newline) return { start: anchor.end, end: anchor.end, text: `\n${line.slice(0, -1)}` };
  return { start: anchor.end, end: anchor.end, text: line };
}

function view(ctx: Ctx, c: Cluster): StanzaView {
  return ctx.parsed.links.cluster.get(c)!;
}

type Item = Cluster | Node | Heartbeat;

/**
 * Where a new stanza goes: right after the stanza that precedes it in o2cb's write order of the
 * model with the new item added, so a file in o2cb's layout stays byte-identical to what o2cb writes.
 */
function anchorFor(
  ctx: Ctx,
  entries: readonly OrderEntry<Cluster, Item, Item>[],
  added: object,
): Stanza | undefined {
  const order = o2cbOrder(entries);
  const i = order.findIndex((p) => p.item === added);
  const links = ctx.parsed.links;
  for (let j = i - 1; j >= 0; j--) {
    const p = order[j]!;
    const v =
      p.type === 'cluster'
        ? links.cluster.get(p.item)
        : p.type === 'node'
          ? links.node.get(p.item as Node)
          : links.heartbeat.get(p.item as Heartbeat);
    if (v) return v.stanza;
  }
  return undefined;
}

/** The model's clusters as order entries, with `extra` appended to cluster `c`'s nodes or heartbeats. */
function entriesWith(
  ctx: Ctx,
  c: Cluster | undefined,
  extra: { node?: object; heartbeat?: object },
): OrderEntry<Cluster, Item, Item>[] {
  return ctx.parsed.model.clusters.map((x) => ({
    cluster: x,
    heartbeats: x === c && extra.heartbeat ? [...x.heartbeats, extra.heartbeat as Heartbeat] : x.heartbeats,
    nodes: x === c && extra.node ? [...x.nodes, extra.node as Node] : x.nodes,
  }));
}

/** `o2cb add-cluster NAME` as text edits: a new `cluster:` stanza after the last one. */
export function addCluster(text: string, name: string): TextEdit[] {
  const ctx = context(text);
  const n = name.trim();
  if (n === '') refuse('invalid-cluster-name', 'Cluster name is invalid ; zero length', ['name']);
  if (n.length > LIMITS.command.clusterNameMaxLength)
    refuse('invalid-cluster-name', 'Cluster name is invalid ; max 16 characters', ['name']);
  if (!CLUSTER_NAME_PATTERN.test(n))
    refuse('invalid-cluster-name', 'Cluster name is invalid ; only alpha-numeric characters allowed', [
      'name',
    ]);
  if (ctx.parsed.model.clusters.some((c) => c.name === n))
    refuse('cluster-exists', `Cluster '${n}' already exists`, ['name']);
  const added = { name: n, heartbeatMode: 'local', nodeCount: 0, nodes: [], heartbeats: [] } as Cluster;
  const anchor = anchorFor(
    ctx,
    [...entriesWith(ctx, undefined, {}), { cluster: added, heartbeats: [], nodes: [] }],
    added,
  );
  return [
    insertStanza(
      ctx,
      anchor,
      stanzaText(ctx, 'cluster', [
        ['name', n],
        ['heartbeat_mode', 'local'],
        ['node_count', '0'],
      ]),
    ),
  ];
}

/**
 * `o2cb add-node` as text edits: a `node:` stanza after the cluster's last node, and `node_count`
 * set to the new number of nodes. Comments and unknown lines stay untouched.
 */
export function addNode(text: string, cluster: string, node: NodeInput): TextEdit[] {
  const ctx = context(text);
  const c = clusterOf(ctx, cluster);
  const name = node.name.trim();
  if (name === '') refuse('invalid-node-name', 'Node name cannot be zero length', ['node', 'name']);
  if (!IPV4_PATTERN.test(node.ipAddress))
    refuse('invalid-ip-address', `Bad IP Address '${node.ipAddress}'`, ['node', 'ipAddress']);
  if (c.nodes.length >= LIMITS.command.nodesPerCluster)
    refuse('cluster-full', 'Cluster is full - No more nodes can be added to it', ['cluster']);
  let number = node.number ?? -1;
  if (number === -1) {
    number = 0;
    while (c.nodes.some((n) => n.number === number)) number++;
  }
  if (!Number.isInteger(number) || number < 0 || number > LIMITS.command.nodeNumberMax)
    refuse('invalid-node-number', `Nodenum should be >=0 and < 255 but is ${number}`, ['node', 'number']);
  if (c.nodes.some((n) => n.number === number))
    refuse('node-number-taken', `Choose another node number as '${number}' is in use`, ['node', 'number']);
  if (c.nodes.some((n) => n.name === name))
    refuse('node-exists', `Node '${name}' already exists`, ['node', 'name']);
  const port = node.ipPort === undefined || node.ipPort === -1 ? 7777 : node.ipPort;
  const body = stanzaText(ctx, 'node', [
    ['cluster', c.name],
    ['number', String(number)],
    ['ip_port', String(port)],
    ['ip_address', node.ipAddress],
    ['name', name],
  ]);
  const added = {};
  return [
    insertStanza(ctx, anchorFor(ctx, entriesWith(ctx, c, { node: added }), added), body),
    setAttribute(ctx, view(ctx, c), 'node_count', String(c.nodes.length + 1)),
  ];
}

/** `o2cb remove-node` as text edits: the stanza goes, `node_count` becomes the number of nodes left. */
export function removeNode(text: string, cluster: string, name: string): TextEdit[] {
  const ctx = context(text);
  const c = clusterOf(ctx, cluster);
  const node = c.nodes.find((n) => n.name === name);
  if (!node) refuse('unknown-node', `Unknown node '${name}'`, ['name']);
  return [
    deleteStanza(ctx, ctx.parsed.links.node.get(node)!.stanza),
    setAttribute(ctx, view(ctx, c), 'node_count', String(c.nodes.length - 1)),
  ];
}

/** `o2cb add-heartbeat CLUSTER REGION` as text edits (the region is stored as given). */
export function addHeartbeat(text: string, cluster: string, region: string): TextEdit[] {
  const ctx = context(text);
  const c = clusterOf(ctx, cluster);
  if (region === '') refuse('invalid-region', 'Heartbeat region cannot be zero length', ['region']);
  if (c.heartbeats.some((h) => h.region === region))
    refuse('region-exists', `Heartbeat region '${region}' already exists`, ['region']);
  const body = stanzaText(ctx, 'heartbeat', [
    ['cluster', c.name],
    ['region', region],
  ]);
  const added = {};
  return [insertStanza(ctx, anchorFor(ctx, entriesWith(ctx, c, { heartbeat: added }), added), body)];
}

/** `o2cb remove-heartbeat CLUSTER REGION` as text edits. */
export function removeHeartbeat(text: string, cluster: string, region: string): TextEdit[] {
  const ctx = context(text);
  const c = clusterOf(ctx, cluster);
  const hb = c.heartbeats.find((h) => h.region === region);
  if (!hb) refuse('unknown-region', `Unknown heartbeat region '${region}'`, ['region']);
  return [deleteStanza(ctx, ctx.parsed.links.heartbeat.get(hb)!.stanza)];
}

/** `o2cb heartbeat-mode CLUSTER MODE` as a text edit (adds the line when the file has none). */
export function setHeartbeatMode(text: string, cluster: string, mode: HeartbeatMode): TextEdit[] {
  if (mode !== 'local' && mode !== 'global')
    refuse('invalid-heartbeat-mode', 'usage: heartbeat-mode <clustername> {global|local}', ['mode']);
  const ctx = context(text);
  const c = clusterOf(ctx, cluster);
  const v = view(ctx, c);
  if (v.attrs.get('heartbeat_mode')?.valueText === mode) return [];
  return [setAttribute(ctx, v, 'heartbeat_mode', mode, 'name')];
}

/** Renames a cluster: its `name` and the `cluster` value of each of its nodes and heartbeats. */
export function renameCluster(text: string, from: string, to: string): TextEdit[] {
  const ctx = context(text);
  const c = clusterOf(ctx, from, ['from']);
  if (!CLUSTER_NAME_PATTERN.test(to))
    refuse(
      'invalid-cluster-name',
      to === ''
        ? 'Cluster name is invalid ; zero length'
        : to.length > 16
          ? 'Cluster name is invalid ; max 16 characters'
          : 'Cluster name is invalid ; only alpha-numeric characters allowed',
      ['to'],
    );
  if (to !== from && ctx.parsed.model.clusters.some((x) => x.name === to))
    refuse('cluster-exists', `Cluster '${to}' already exists`, ['to']);
  if (to === from) return [];
  const edits: TextEdit[] = [setValue(view(ctx, c).attrs.get('name')!, to)];
  for (const v of ctx.parsed.links.stanzas) {
    if (ctx.parsed.links.ownerOf.get(v.stanza) !== c) continue;
    for (const a of v.attributes) if (a.key.text === 'cluster') edits.push(setValue(a, to));
  }
  return edits;
}
