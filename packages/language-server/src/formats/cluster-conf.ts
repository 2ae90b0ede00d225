import type { Span } from '@ftkit/core';
import { ATTRIBUTE_ORDER, type AttributeLine, parseCst, type Stanza } from '@ftkit/ocfs2-cluster-conf';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import type { Completion, FeatureContext, FormatFeatures, OutlineSymbol, Place } from '../features.js';

const stanzasOf = (text: string): Stanza[] =>
  parseCst(text).items.filter((i): i is Stanza => i.type === 'stanza');

const attributes = (s: Stanza): AttributeLine[] =>
  s.lines.filter((l): l is AttributeLine => l.type === 'attribute');

const attr = (s: Stanza, key: string) => attributes(s).find((a) => a.key.text === key);

/** The `name =` of every `cluster:` stanza, with the place of the value. */
function clusters(text: string): { name: string; span: Span }[] {
  return stanzasOf(text).flatMap((s) => {
    const a = s.header.name.text === 'cluster' ? attr(s, 'name') : undefined;
    return a?.value
      ? [{ name: a.valueText, span: { start: a.value.start, end: a.value.start + a.valueText.length } }]
      : [];
  });
}

/** The attribute line at `offset`, with its stanza. */
function attributeAt(text: string, offset: number): { stanza: Stanza; line?: AttributeLine } | undefined {
  for (const s of stanzasOf(text)) {
    if (offset < s.start || offset > s.end) continue;
    const line = attributes(s).find(
      (a) => a.start <= offset && offset <= a.end - (a.newline ? a.newline.text.length : 0),
    );
    return { stanza: s, ...(line ? { line } : {}) };
  }
  return undefined;
}

function complete(ctx: FeatureContext, offset: number): Completion[] {
  const at = attributeAt(ctx.text, offset);
  if (!at) return [];
  const kind = at.stanza.header.name.text as keyof typeof ATTRIBUTE_ORDER;
  const line = at.line;
  if (line?.equals && offset > line.equals.start) {
    const replace = { start: Math.min(line.value?.start ?? offset, offset), end: offset };
    if (line.key.text === 'cluster')
      return clusters(ctx.text).map((c) => ({
        label: c.name,
        kind: CompletionItemKind.Reference,
        detail: 'cluster',
        replace,
      }));
    if (line.key.text === 'heartbeat_mode')
      return ['local', 'global'].map((label) => ({
        label,
        kind: CompletionItemKind.EnumMember,
        detail: 'heartbeat_mode',
        replace,
      }));
    return [];
  }
  if (!Object.hasOwn(ATTRIBUTE_ORDER, kind)) return [];
  const replace = { start: Math.min(line?.key.start ?? offset, offset), end: offset };
  const present = new Set(attributes(at.stanza).map((a) => a.key.text));
  return ATTRIBUTE_ORDER[kind]
    .filter((k) => !present.has(k) || k === line?.key.text)
    .map((label) => ({ label, kind: CompletionItemKind.Property, detail: `${kind} attribute`, replace }));
}

function definition(ctx: FeatureContext, offset: number): Place[] {
  const at = attributeAt(ctx.text, offset);
  const line = at?.line;
  if (line?.key.text !== 'cluster' || !line.value) return [];
  return clusters(ctx.text)
    .filter((c) => c.name === line.valueText)
    .map((c) => ({ path: ctx.path, span: c.span }));
}

function references(ctx: FeatureContext, offset: number): Place[] {
  const at = attributeAt(ctx.text, offset);
  const line = at?.line;
  if (
    !line?.value ||
    (line.key.text !== 'cluster' && !(line.key.text === 'name' && at?.stanza.header.name.text === 'cluster'))
  )
    return [];
  const name = line.valueText;
  return stanzasOf(ctx.text).flatMap((s) => {
    const key = s.header.name.text === 'cluster' ? 'name' : 'cluster';
    const a = attr(s, key);
    return a?.value && a.valueText === name
      ? [{ path: ctx.path, span: { start: a.value.start, end: a.value.start + a.valueText.length } }]
      : [];
  });
}

function symbols(ctx: FeatureContext): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const s of stanzasOf(ctx.text)) {
    const kind = s.header.name.text;
    const name = attr(s, 'name')?.valueText ?? attr(s, 'region')?.valueText;
    const symbol: OutlineSymbol = {
      name: name ? `${kind} ${name}` : kind,
      kind:
        kind === 'cluster' ? SymbolKind.Namespace : kind === 'node' ? SymbolKind.Object : SymbolKind.Event,
      ...(kind === 'node' && attr(s, 'cluster')
        ? { detail: `cluster ${attr(s, 'cluster')!.valueText}` }
        : {}),
      span: { start: s.start, end: s.end },
      nameSpan: { start: s.header.name.start, end: s.header.name.end },
      children: [],
    };
    out.push(symbol);
  }
  return out;
}

/** Editor features of OCFS2 cluster.conf. */
export const clusterConfFeatures: FormatFeatures = { complete, definition, references, symbols };
