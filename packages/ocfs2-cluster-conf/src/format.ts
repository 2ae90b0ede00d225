import { escapedByBackslash, type FormatResult, hasErrors } from '@ftkit/core';
import type { AttributeLine, CommentLine } from './cst/types.js';
import { o2cbOrder } from './emit.js';
import { type StanzaView, strtoul } from './model/compose.js';
import { parse } from './parse.js';

/** Attribute order o2cb 1.8.7 writes, per stanza type (reference §3.2). */
export const ATTRIBUTE_ORDER: Readonly<Record<'cluster' | 'node' | 'heartbeat', readonly string[]>> = {
  cluster: ['name', 'heartbeat_mode', 'node_count'],
  heartbeat: ['cluster', 'region'],
  node: ['cluster', 'number', 'ip_port', 'ip_address', 'name'],
};

const NUMERIC = new Set(['number', 'ip_port', 'node_count']);

interface Block {
  readonly view: StanzaView;
  readonly comments: readonly string[];
}

/** A comment as `format` writes it: LF line ends, so a CR the comment swallowed goes. */
function commentText(l: CommentLine): string {
  return l.comment.text.replace(/\r+$/, '');
}

function canonicalValue(kind: string, a: AttributeLine): string {
  let v = a.valueText;
  if (kind === 'cluster' && a.key.text === 'heartbeat_mode') v = v.toLowerCase();
  else if ((kind === 'node' || kind === 'cluster') && NUMERIC.has(a.key.text)) {
    const n = strtoul(v);
    if (n.ok) v = String(n.value);
  }
  return v.replace(/\n/g, '\\\n');
}

function renderBlock(b: Block): string {
  const kind = b.view.kind;
  // `kind` is the stanza name from the file: `constructor` must not find Object.prototype's.
  const order = Object.hasOwn(ATTRIBUTE_ORDER, kind)
    ? ATTRIBUTE_ORDER[kind as keyof typeof ATTRIBUTE_ORDER]
    : [];
  // Comments inside a stanza travel with the attribute below them.
  const entries: { a: AttributeLine; comments: string[] }[] = [];
  let pending: string[] = [];
  for (const l of b.view.stanza.lines) {
    if (l.type === 'comment') pending.push(commentText(l as CommentLine));
    else if (l.type === 'attribute' && l.equals) {
      entries.push({ a: l, comments: pending });
      pending = [];
    }
  }
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  const sorted = entries
    .map((e, i) => ({ ...e, i }))
    .sort((x, y) => rank(x.a.key.text) - rank(y.a.key.text) || x.i - y.i);
  let out = b.comments.map((c) => `${c}\n`).join('') + `${kind}:\n`;
  for (const e of sorted) {
    for (const c of e.comments) out += `${c}\n`;
    const v = canonicalValue(kind, e.a);
    out += v === '' ? `\t${e.a.key.text} =\n` : `\t${e.a.key.text} = ${v}\n`;
    // o2cb always writes the mode; a file without it is read as `local`.
    if (kind === 'cluster' && e.a === b.view.attrs.get('name') && !b.view.attrs.has('heartbeat_mode'))
      out += '\theartbeat_mode = local\n';
  }
  for (const c of pending) out += `${c}\n`;
  return `${out}\n`;
}

/**
 * Re-formats a cluster.conf in o2cb's canonical layout (stanza order as `emit`, attribute order, TAB
 * indentation, `key = value`, a blank line after each stanza) while keeping what o2cb would drop:
 * comments (they move with the stanza or attribute below them), unknown keys (after the known
 * ones), unknown and orphan stanzas (at the end, in file order) and duplicate keys (in order, so
 * the same one still wins). A file o2cb wrote comes back unchanged. A file o2cb would refuse is
 * returned unchanged with its error diagnostics, and so is a file with a value ending in `\`
 * (only a CR after the backslash kept it from continuing on the next line).
 */
export function format(text: string, options: { fileName?: string } = {}): FormatResult {
  const r = parse(text, options);
  if (hasErrors(r.diagnostics)) return { text, diagnostics: r.diagnostics };
  // A value ending in `\` (its line ended `\<CR><LF>`) cannot be written with a plain LF: the
  // backslash would join the next line to it. Such a file is kept as it is.
  if (
    r.links.stanzas.some((v) => v.attributes.some((a) => escapedByBackslash(a.valueText, a.valueText.length)))
  )
    return { text, diagnostics: r.diagnostics };
  const blocks = new Map<StanzaView, Block>();
  const byStanza = new Map(r.links.stanzas.map((v) => [v.stanza, v]));
  let comments: string[] = [];
  for (const item of r.cst.items) {
    if (item.type === 'comment') comments.push(commentText(item));
    else if (item.type === 'stanza') {
      const view = byStanza.get(item)!;
      blocks.set(view, { view, comments });
      comments = [];
    }
  }
  const ordered: Block[] = [];
  const take = (v: StanzaView | undefined) => {
    const b = v && blocks.get(v);
    if (b) {
      ordered.push(b);
      blocks.delete(v);
    }
  };
  const { model, links } = r;
  for (const p of o2cbOrder(
    model.clusters.map((c) => ({ cluster: c, heartbeats: c.heartbeats, nodes: c.nodes })),
  )) {
    if (p.type === 'cluster') take(links.cluster.get(p.item));
    else if (p.type === 'heartbeat') take(links.heartbeat.get(p.item));
    else take(links.node.get(p.item));
  }
  for (const b of blocks.values()) ordered.push(b);
  let out = ordered.map(renderBlock).join('');
  out += comments.map((c) => `${c}\n`).join('');
  return { text: out, diagnostics: r.diagnostics };
}
