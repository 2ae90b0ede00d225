import { type Rule, type Span, safeRecord } from '@ftkit/core';
import type { AttributeLine, Document } from '../cst/types.js';
import type { ModelLinks, StanzaView } from '../model/compose.js';
import type { Cluster, ClusterConf } from '../model/types.js';

/** What every cluster.conf rule receives as `context.doc`. */
export interface ClusterConfDoc {
  readonly cst: Document;
  readonly model: ClusterConf;
  readonly links: ModelLinks;
}

/** A cluster.conf lint rule. */
export type ClusterConfRule = Rule<ClusterConfDoc>;

/** The docs URL of a rule. */
export function ruleUrl(id: string): string {
  return `https://github.com/ftkit/ftkit/blob/main/docs/rules/ocfs2-cluster-conf/${id}.md`;
}

/** The span of a stanza's header word. */
export function headerSpan(v: StanzaView): Span {
  return { start: v.stanza.header.name.start, end: v.stanza.header.name.end };
}

/** The span of an attribute's value without trailing blanks, or of its key when it has none. */
export function valueSpan(a: AttributeLine): Span {
  if (!a.value) return { start: a.key.start, end: a.key.end };
  const raw = a.value.text;
  let end = raw.length;
  while (end > 0 && /[ \t\r\n\f\v]/.test(raw[end - 1]!)) end--;
  return { start: a.value.start, end: a.value.start + Math.max(end, 1) };
}

/** The view of the stanza a model cluster was read from. */
export function clusterView(doc: ClusterConfDoc, c: Cluster): StanzaView {
  return doc.links.cluster.get(c)!;
}

/** The attribute line behind a model field (the last occurrence, the one o2cb reads). */
export function attr(v: StanzaView | undefined, key: string): AttributeLine | undefined {
  return v?.attrs.get(key);
}

/**
 * Known keys per known stanza type. A null-prototype object: it is indexed with stanza names from
 * the file, and `constructor:` or `toString:` must find nothing rather than an Object method.
 */
export const KNOWN_KEYS: Readonly<Record<string, readonly string[]>> = Object.freeze(
  safeRecord<readonly string[]>([
    ['cluster', ['name', 'heartbeat_mode', 'node_count']],
    ['node', ['name', 'cluster', 'number', 'ip_address', 'ip_port']],
    ['heartbeat', ['region', 'cluster']],
  ]),
);

/** The three stanza types o2cb reads. */
export const KNOWN_STANZAS: readonly string[] = ['cluster', 'node', 'heartbeat'];

/** The span of a node's (or heartbeat's) attribute value, or its header when missing. */
export function fieldSpan(v: StanzaView | undefined, key: string): Span {
  const a = v?.attrs.get(key);
  if (a?.value) return valueSpan(a);
  return v ? headerSpan(v) : { start: 0, end: 0 };
}
