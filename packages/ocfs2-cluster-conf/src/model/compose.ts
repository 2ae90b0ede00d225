import { type Diagnostic, DiagnosticCollector, LineIndex } from '@ftkit/core';
import type { AttributeLine, Document, Stanza } from '../cst/types.js';
import { type O2cbLoadCode, o2cbCodeOf, type ParseCode, REFUSES, SOURCE, show } from '../diagnostics.js';
import { IPV4_PATTERN, LIMITS } from '../limits.js';
import type { Cluster, ClusterConf, Heartbeat, HeartbeatMode, Node } from './types.js';

/** A stanza with its attributes by key (last occurrence wins, as in o2cb). */
export interface StanzaView {
  readonly stanza: Stanza;
  /** The header word as written (`cluster`, `node`, `heartbeat`, or unknown). */
  readonly kind: string;
  /** Key → the attribute line o2cb uses (the last one with that key). A `Map`, so `__proto__` is safe. */
  readonly attrs: ReadonlyMap<string, AttributeLine>;
  /** Every attribute line with a key, in file order (duplicates included). */
  readonly attributes: readonly AttributeLine[];
}

/** Links between model objects and the CST (for positions in lint rules and edits). */
export interface ModelLinks {
  /** Every stanza in file order. */
  readonly stanzas: readonly StanzaView[];
  readonly cluster: WeakMap<Cluster, StanzaView>;
  readonly node: WeakMap<Node, StanzaView>;
  readonly heartbeat: WeakMap<Heartbeat, StanzaView>;
  /** `node` and `heartbeat` stanzas that belong to no loaded cluster (o2cb ignores and drops them). */
  readonly orphans: readonly StanzaView[];
  /** The cluster each `node`/`heartbeat` stanza was attached to. */
  readonly ownerOf: WeakMap<Stanza, Cluster>;
}

/** Whether o2cb 1.8.7 would load the file, and if not, what it would print. */
export type O2cbLoad =
  | { readonly accepted: true }
  | {
      readonly accepted: false;
      /** `Unknown code ____ NNN` number, or `crash` for the segfault on a nameless cluster. */
      readonly code: O2cbLoadCode;
    };

/** Result of {@link compose}. */
export interface ComposeResult {
  readonly model: ClusterConf;
  readonly links: ModelLinks;
  readonly diagnostics: Diagnostic[];
  readonly o2cb: O2cbLoad;
}

/** Builds the views of every stanza of a CST. */
export function stanzaViews(doc: Document): StanzaView[] {
  const out: StanzaView[] = [];
  for (const item of doc.items) {
    if (item.type !== 'stanza') continue;
    const attrs = new Map<string, AttributeLine>();
    const attributes: AttributeLine[] = [];
    for (const l of item.lines) {
      if (l.type === 'attribute' && l.equals) {
        attributes.push(l);
        attrs.set(l.key.text, l);
      }
    }
    out.push({ stanza: item, kind: item.header.name.text, attrs, attributes });
  }
  return out;
}

const ULONG_MAX = (1n << 64n) - 1n;

/**
 * `strtoul(s, &end, 10)` as glibc does it, plus o2cb's "whole string" check: `format` when
 * characters are left over (or there are no digits), else the unsigned 64-bit result.
 */
export function strtoul(s: string): { ok: true; value: bigint } | { ok: false } {
  let i = 0;
  while (i < s.length && ' \t\n\v\f\r'.includes(s[i]!)) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  const startDigits = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === startDigits || i !== s.length) return { ok: false };
  let v = BigInt(s.slice(startDigits, i));
  if (v > ULONG_MAX) return { ok: true, value: ULONG_MAX };
  if (neg && v !== 0n) v = (1n << 64n) - v;
  return { ok: true, value: v };
}

/**
 * Reads the CST into the model the way o2cb 1.8.7 loads a file (reference §1.1 step 3): for each
 * `cluster` stanza in file order, its `node` and `heartbeat` stanzas (matched by their `cluster`
 * value), checking types and the load-tier ranges. Unlike o2cb it does not stop at the first
 * problem; everything is reported, and `o2cb` tells what o2cb itself would do.
 */
export function compose(doc: Document, fileName?: string, lineIndex?: LineIndex): ComposeResult {
  const dc = new DiagnosticCollector(doc.text, SOURCE, fileName, lineIndex ?? new LineIndex(doc.text), {
    overflowCode: 'ocfs2/too-many-problems',
  });
  let first: O2cbLoadCode | undefined;
  const fail = (code: ParseCode, message: string, span: { start: number; end: number }, extra = {}) => {
    dc.error(code, message, { start: span.start, end: span.end }, extra);
    const o = o2cbCodeOf[code];
    if (first === undefined && o !== 'ignored') first = o;
  };
  for (const p of doc.problems) {
    fail(p.code as ParseCode, p.message, p, {
      ...(p.expected ? { expected: p.expected } : {}),
      ...(p.actual !== undefined ? { actual: p.actual } : {}),
      ...(p.note ? { note: p.note } : {}),
    });
    // The CST's summary follows its first 1000 problems, so the collector drops it into its own
    // summary: count every problem it stands for, not one.
    if (p.count !== undefined) dc.dropped += p.count - 1;
  }
  const views = stanzaViews(doc);
  const links: ModelLinks = {
    stanzas: views,
    cluster: new WeakMap(),
    node: new WeakMap(),
    heartbeat: new WeakMap(),
    orphans: [],
    ownerOf: new WeakMap(),
  };
  const orphans = links.orphans as StanzaView[];
  const clusters: Cluster[] = [];
  const byName = new Map<string, StanzaView>();
  const claimed = new Set<Stanza>();

  const headerSpan = (v: StanzaView) => ({ start: v.stanza.header.start, end: v.stanza.header.name.end });
  const valueSpan = (a: AttributeLine) =>
    a.value ? { start: a.value.start, end: a.value.start + a.valueText.length || a.value.end } : a.key;

  /** A required attribute: missing or empty ⇒ `ocfs2/required-missing`. */
  const required = (v: StanzaView, key: string, what: string): AttributeLine | undefined => {
    const a = v.attrs.get(key);
    if (!a) {
      fail('ocfs2/required-missing', `Missing \`${key}\` in ${what}${REFUSES}`, headerSpan(v));
      return undefined;
    }
    if (a.valueText === '') {
      fail('ocfs2/required-missing', `Expected a value for \`${key}\`, found nothing${REFUSES}`, {
        start: a.key.start,
        end: (a.equals ?? a.key).end,
      });
      return undefined;
    }
    return a;
  };

  /** An unsigned number with o2cb's checks; `max` is the largest value o2cb stores. */
  const num = (a: AttributeLine, max: number): number | undefined => {
    const r = strtoul(a.valueText);
    const key = a.key.text;
    if (!r.ok) {
      fail(
        'ocfs2/number-invalid',
        `Expected a decimal number for \`${key}\`, found \`${show(a.valueText)}\`${REFUSES}`,
        valueSpan(a),
        {
          expected: ['a decimal number'],
          actual: a.valueText,
          ...(/\s#/.test(a.valueText)
            ? { note: 'A `#` after a value is part of the value: comments must be on their own line' }
            : /^0x/i.test(a.valueText)
              ? { note: 'o2cb reads numbers in base 10 only' }
              : {}),
        },
      );
      return undefined;
    }
    if (r.value === ULONG_MAX || r.value > BigInt(max)) {
      fail(
        'ocfs2/number-range',
        `Expected \`${key}\` from 0 to ${max}, found \`${show(a.valueText)}\`${REFUSES}`,
        valueSpan(a),
        { actual: a.valueText },
      );
      return undefined;
    }
    return Number(r.value);
  };

  for (const cv of views) {
    if (cv.kind !== 'cluster') continue;
    const nameAttr = cv.attrs.get('name');
    if (!nameAttr) {
      fail(
        'ocfs2/cluster-name-missing',
        'Missing `name` in the `cluster` stanza (o2cb crashes on this file)',
        headerSpan(cv),
        {
          note: 'o2cb 1.8.7 dies with a segmentation fault instead of an error message',
        },
      );
      continue;
    }
    const name = nameAttr.valueText;
    const dup = byName.get(name);
    if (dup) {
      fail(
        'ocfs2/cluster-duplicate',
        `Duplicate cluster name \`${show(name)}\`${REFUSES}`,
        valueSpan(nameAttr),
        {
          related: [{ message: 'First defined here', span: headerSpan(dup) }],
        },
      );
      continue;
    }
    byName.set(name, cv);
    let heartbeatMode: HeartbeatMode = 'local';
    const modeAttr = cv.attrs.get('heartbeat_mode');
    if (modeAttr) {
      const m = modeAttr.valueText.toLowerCase();
      if (m === 'local' || m === 'global') heartbeatMode = m;
      else
        fail(
          'ocfs2/heartbeat-mode-invalid',
          `Expected \`local\` or \`global\` for \`heartbeat_mode\`, found ${modeAttr.valueText === '' ? 'nothing' : `\`${show(modeAttr.valueText)}\``}${REFUSES}`,
          modeAttr.value ? valueSpan(modeAttr) : modeAttr.key,
          { expected: ['`local`', '`global`'], actual: modeAttr.valueText },
        );
    }
    const cluster: Cluster = { name, heartbeatMode, nodeCount: 0, nodes: [], heartbeats: [] };
    const nodeNames = new Map<string, StanzaView>();
    for (const nv of views) {
      if (nv.kind !== 'node' || nv.attrs.get('cluster')?.valueText !== name || claimed.has(nv.stanza))
        continue;
      claimed.add(nv.stanza);
      links.ownerOf.set(nv.stanza, cluster);
      const what = `the \`node\` stanza of cluster \`${show(name)}\``;
      const nameA = required(nv, 'name', what);
      let ok = nameA !== undefined;
      if (nameA) {
        const prev = nodeNames.get(nameA.valueText);
        if (prev) {
          ok = false;
          fail(
            'ocfs2/node-duplicate',
            `Duplicate node name \`${show(nameA.valueText)}\` in cluster \`${show(name)}\`${REFUSES}`,
            valueSpan(nameA),
            { related: [{ message: 'First defined here', span: headerSpan(prev) }] },
          );
        } else nodeNames.set(nameA.valueText, nv);
      }
      const numA = required(nv, 'number', what);
      const number = numA ? num(numA, LIMITS.load.nodeNumberMax) : undefined;
      const ipA = required(nv, 'ip_address', what);
      let ipAddress: string | undefined;
      if (ipA) {
        if (IPV4_PATTERN.test(ipA.valueText)) ipAddress = ipA.valueText;
        else {
          const v = ipA.valueText;
          fail(
            'ocfs2/ip-address-invalid',
            `Expected a dotted-quad IPv4 address for \`ip_address\`, found \`${show(v)}\`${REFUSES}`,
            valueSpan(ipA),
            {
              expected: ['an IPv4 address'],
              actual: v,
              ...(/(^|\.)0\d/.test(v)
                ? { note: 'Leading zeros are not allowed in an address part' }
                : v.includes(':')
                  ? { note: 'OCFS2 interconnects are IPv4 only' }
                  : /\s#/.test(v)
                    ? { note: 'A `#` after a value is part of the value: comments must be on their own line' }
                    : /[a-z]/i.test(v)
                      ? { note: 'Host names are not resolved: write the address' }
                      : {}),
            },
          );
        }
      }
      const portA = required(nv, 'ip_port', what);
      const ipPort = portA ? num(portA, LIMITS.load.ipPortMax) : undefined;
      if (ok && nameA && number !== undefined && ipAddress !== undefined && ipPort !== undefined) {
        const node: Node = { name: nameA.valueText, number, ipAddress, ipPort };
        cluster.nodes.push(node);
        links.node.set(node, nv);
      }
    }
    const countA = required(cv, 'node_count', `cluster \`${show(name)}\``);
    const count = countA ? num(countA, LIMITS.load.nodeCountMax) : undefined;
    cluster.nodeCount = count ?? cluster.nodes.length;
    const regions = new Map<string, StanzaView>();
    for (const hv of views) {
      if (hv.kind !== 'heartbeat' || hv.attrs.get('cluster')?.valueText !== name || claimed.has(hv.stanza))
        continue;
      claimed.add(hv.stanza);
      links.ownerOf.set(hv.stanza, cluster);
      const r = required(hv, 'region', `the \`heartbeat\` stanza of cluster \`${show(name)}\``);
      if (!r) continue;
      const prev = regions.get(r.valueText);
      if (prev) {
        fail(
          'ocfs2/region-duplicate',
          `Duplicate heartbeat region \`${show(r.valueText)}\` in cluster \`${show(name)}\`${REFUSES}`,
          valueSpan(r),
          { related: [{ message: 'First defined here', span: headerSpan(prev) }] },
        );
        continue;
      }
      regions.set(r.valueText, hv);
      const hb: Heartbeat = { region: r.valueText };
      cluster.heartbeats.push(hb);
      links.heartbeat.set(hb, hv);
    }
    clusters.push(cluster);
    links.cluster.set(cluster, cv);
  }
  for (const v of views) {
    if ((v.kind === 'node' || v.kind === 'heartbeat') && !claimed.has(v.stanza)) orphans.push(v);
  }
  return {
    model: { clusters },
    links,
    diagnostics: dc.items,
    o2cb: first === undefined ? { accepted: true } : { accepted: false, code: first },
  };
}
