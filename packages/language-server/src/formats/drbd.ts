import { dirname, resolvePath, type Span } from '@ftkit/core';
import {
  BLOCK_KEYWORDS,
  type DocumentNode,
  type DrbdVersion,
  detectDrbdVersion,
  type ItemNode,
  migrate,
  OPTION_TABLES,
  type OptionSpec,
  parseCst,
  type SectionKind,
  type StatementNode,
  scaledValue,
  type Token,
} from '@ftkit/drbd-conf';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import type {
  Completion,
  FeatureContext,
  FormatFeatures,
  HoverInfo,
  OutlineSymbol,
  Place,
  Refactoring,
} from '../features.js';

// `common` takes exactly the option sections.
const SECTIONS = new Set<string>(BLOCK_KEYWORDS['9'].common);

/**
 * The name a word token stands for: a `string` token without its quotes and with `\x` read as
 * `x`, as drbdadm's scanner reads it; any other token as written.
 */
function unquote(t: Token): string {
  if (t.kind !== 'string') return t.text;
  const inner = t.text.endsWith('"') && t.text.length >= 2 ? t.text.slice(1, -1) : t.text.slice(1);
  return inner.replace(/\\(.)/g, '$1');
}
const VERSIONS: readonly DrbdVersion[] = ['9', '8.4'];

/** The drbd-utils man page that documents each version's options. */
const MAN_PAGE: Record<DrbdVersion, string> = { '9': 'drbd.conf-9.0', '8.4': 'drbd.conf-8.4' };

/** Where an offset is in a drbd.conf CST. */
interface Located {
  /** The statements whose `{ }` block encloses the offset, outermost first. */
  readonly blocks: readonly StatementNode[];
  /** The statement the offset is in (outside its block), if any. */
  readonly stmt?: StatementNode;
  /** The index in `stmt.words` of the word the offset touches, or of the next word to write. */
  readonly wordIndex: number;
  /** The word the offset touches. */
  readonly word?: Token;
}

const statements = (items: readonly ItemNode[]) =>
  items.filter((i): i is StatementNode => i.type === 'statement');

/** Finds the statement, word and enclosing blocks at `offset`. */
function locate(doc: DocumentNode, offset: number): Located {
  const blocks: StatementNode[] = [];
  let items: readonly ItemNode[] = doc.items;
  for (;;) {
    const stmt = statements(items).find((s) => s.start <= offset && offset <= s.end);
    if (!stmt) return { blocks, wordIndex: 0 };
    const b = stmt.block;
    if (b && offset > b.open.start && (b.close === undefined || offset <= b.close.start)) {
      blocks.push(stmt);
      items = b.items;
      continue;
    }
    if (b && offset >= b.open.start) return { blocks, wordIndex: 0 };
    if (stmt.semi && offset > stmt.semi.start) return { blocks, wordIndex: 0 };
    const i = stmt.words.findIndex((w) => w.start <= offset && offset <= w.end);
    if (i >= 0) return { blocks, stmt, wordIndex: i, word: stmt.words[i]! };
    return { blocks, stmt, wordIndex: stmt.words.filter((w) => w.end < offset).length };
  }
}

/** The DRBD version the document is written for: the `drbdVersion` setting, else its content. */
function versionOf(ctx: FeatureContext): DrbdVersion {
  const v = ctx.settings.drbdVersion;
  if (v === '9' || v === 9) return '9';
  if (v === '8.4' || v === 8.4 || v === '8.3' || v === 8.3) return '8.4';
  return detectDrbdVersion(ctx.text).version;
}

const head = (s: StatementNode | undefined) => s?.words[0]?.text;

/** The option section a block statement opens (`disk`, `net`, …), when it is one. */
function sectionOf(blocks: readonly StatementNode[]): SectionKind | undefined {
  const h = head(blocks.at(-1));
  return h !== undefined && SECTIONS.has(h) ? (h as SectionKind) : undefined;
}

function describeRange(spec: OptionSpec): string | undefined {
  if (spec.min === undefined || spec.max === undefined) return undefined;
  const unit = spec.unit ? ` ${spec.unit}` : '';
  return `${spec.min}–${spec.max}${unit}`;
}

const TYPE_WORDS: Record<OptionSpec['type'], string> = {
  bool: '`yes` or `no`',
  enum: 'one of the values below',
  num: 'a number',
  str: 'a string',
  enumnum: 'a symbol or a number',
  flag: 'no value',
  words: 'one or more words',
  cmd: 'a shell command',
};

const SCALE_WORDS = {
  '1': undefined,
  k: 'a plain number is KiB; suffixes `K`, `M`, `G`',
  s: 'a plain number is 512-byte sectors; suffixes `K`, `M`, `G`, `s`',
} as const;

/** What drbdadm makes of `value` written for `spec`, in one sentence. */
function judge(spec: OptionSpec, value: string, version: DrbdVersion): string | undefined {
  switch (spec.type) {
    case 'bool':
      return value === 'yes' || value === 'no'
        ? `\`${value}\` is accepted`
        : `drbdadm ${version} rejects \`${value}\`: expected \`yes\` or \`no\``;
    case 'enum':
      return spec.values?.includes(value)
        ? `\`${value}\` is accepted`
        : `drbdadm ${version} rejects \`${value}\`: expected one of ${spec.values?.map((v) => `\`${v}\``).join(', ')}`;
    case 'enumnum':
    case 'num': {
      if (spec.type === 'enumnum' && spec.values?.includes(value)) return `\`${value}\` is accepted`;
      const n = scaledValue(value, spec.scale);
      if (n === undefined) return `\`${value}\` is not a number drbdadm reads`;
      const unit = spec.unit ? ` ${spec.unit}` : '';
      const read = `drbdadm reads \`${value}\` as ${n}${unit}`;
      if (spec.min !== undefined && spec.max !== undefined && (n < spec.min || n > spec.max))
        return `${read}: outside the range ${describeRange(spec)}`;
      return `${read}: within the range ${describeRange(spec) ?? ''}`.trimEnd();
    }
    case 'str':
      return spec.maxLen !== undefined && value.length > spec.maxLen
        ? `longer than the ${spec.maxLen} characters DRBD 9 allows`
        : undefined;
    default:
      return undefined;
  }
}

/** Markdown for an option: type, range, unit, default, the versions that accept it, and the value written. */
function optionHover(
  section: SectionKind,
  name: string,
  version: DrbdVersion,
  value?: string,
): string | undefined {
  const spec = OPTION_TABLES[version][section]?.get(name);
  const accepted = VERSIONS.filter((v) => OPTION_TABLES[v][section]?.has(name));
  if (!spec) {
    if (accepted.length === 0) return undefined;
    return `**\`${name}\`** (\`${section}\` section)\n\nNot an option of DRBD ${version} here; accepted by DRBD ${accepted.join(' and ')}.`;
  }
  const lines = [
    `**\`${name}\`** — \`${section}\` option${spec.peerDevice ? ' (peer-device: per connection)' : ''}`,
  ];
  lines.push(`- Type: ${TYPE_WORDS[spec.type]}`);
  if (spec.values?.length) lines.push(`- Values: ${spec.values.map((v) => `\`${v}\``).join(', ')}`);
  const range = describeRange(spec);
  if (range) lines.push(`- Range: ${range}`);
  if (spec.unit && !range) lines.push(`- Unit: ${spec.unit}`);
  const scale = spec.scale ? SCALE_WORDS[spec.scale] : undefined;
  if (scale) lines.push(`- Units: ${scale}`);
  if (spec.default !== undefined) lines.push(`- Default: \`${spec.default}\``);
  if (spec.maxLen !== undefined) lines.push(`- At most ${spec.maxLen} characters (DRBD 9)`);
  if (spec.alias) lines.push(`- drbdadm stores it as \`${spec.alias}\``);
  if (spec.ignored) lines.push('- Accepted but ignored by drbdadm');
  lines.push(`- Accepted by: DRBD ${accepted.join(', ')}`);
  const verdict = value !== undefined ? judge(spec, value, version) : undefined;
  if (verdict) lines.push('', `Written here: ${verdict}.`);
  // What the option does is drbd-utils' text (GPL): point to the page every DRBD host has.
  lines.push('', `What it does: \`man ${MAN_PAGE[version]}\`, section \`${section}\`.`);
  return lines.join('\n');
}

/** A resource or host name written in a file: where it is defined or used. */
interface NameRef {
  readonly kind: 'resource' | 'host';
  readonly name: string;
  readonly role: 'definition' | 'reference';
  readonly place: Place;
  /** For hosts: the resource the name belongs to. */
  readonly resource?: string;
}

const RESOURCE_REFS = new Set(['resync-after', 'after', 'stacked-on-top-of']);

/** Every resource and host name defined or referenced in one file's CST. */
function namesIn(path: string, doc: DocumentNode): NameRef[] {
  const out: NameRef[] = [];
  const place = (t: Token): Place => ({ path, span: { start: t.start, end: t.end } });
  const visit = (items: readonly ItemNode[], resource: string | undefined) => {
    for (const s of statements(items)) {
      const [w0, w1] = s.words;
      const h = w0?.text;
      let inner = resource;
      if (h === 'resource' && w1 && resource === undefined) {
        inner = unquote(w1);
        out.push({ kind: 'resource', name: inner, role: 'definition', place: place(w1) });
      } else if (h !== undefined && RESOURCE_REFS.has(h) && w1) {
        out.push({ kind: 'resource', name: unquote(w1), role: 'reference', place: place(w1) });
      } else if (h === 'on' && s.block) {
        for (const w of s.words.slice(1))
          out.push({
            kind: 'host',
            name: unquote(w),
            role: 'definition',
            place: place(w),
            ...(resource ? { resource } : {}),
          });
      } else if ((h === 'host' || h === 'hosts') && resource !== undefined) {
        const names = h === 'host' ? s.words.slice(1, 2) : s.words.slice(1);
        for (const w of names)
          out.push({ kind: 'host', name: unquote(w), role: 'reference', place: place(w), resource });
      }
      if (s.block) visit(s.block.items, inner);
    }
  };
  visit(doc.items, undefined);
  return out;
}

/** The `include` statements of a CST: pattern token and the absolute pattern. */
function includesIn(path: string, doc: DocumentNode): { token: Token; pattern: string }[] {
  const out: { token: Token; pattern: string }[] = [];
  for (const s of statements(doc.items)) {
    const [w0, w1] = s.words;
    if (w0?.text === 'include' && w1)
      out.push({ token: w1, pattern: resolvePath(dirname(path), unquote(w1)) });
  }
  return out;
}

/**
 * The files whose names the document can refer to: itself, what it includes (recursively), and the
 * other drbd files of its directory (the `drbd.d/*.res` a `resync-after` usually points into).
 */
function relatedFiles(ctx: FeatureContext): Map<string, DocumentNode> {
  const files = new Map<string, DocumentNode>();
  const reader = ctx.workspace.reader(ctx.path);
  const add = (path: string, text: string | undefined, depth: number) => {
    if (text === undefined || files.has(path) || files.size > 500) return;
    const doc = parseCst(text);
    files.set(path, doc);
    if (depth > 0)
      for (const inc of includesIn(path, doc))
        for (const p of reader.glob(inc.pattern)) add(p, reader.readFile(p), depth - 1);
  };
  add(ctx.path, ctx.text, 5);
  for (const p of reader.glob(`${dirname(ctx.path)}/*.{res,conf}`)) add(p, reader.readFile(p), 0);
  return files;
}

/**
 * The files a drbd.conf text includes, recursively (absolute paths, read through the workspace):
 * the documents whose lint an edit of one of them changes.
 */
export function includedPaths(ctx: FeatureContext): Set<string> {
  const out = new Set<string>();
  const reader = ctx.workspace.reader(ctx.path);
  const visit = (path: string, text: string | undefined, depth: number) => {
    if (text === undefined || depth < 0 || out.size > 500) return;
    for (const inc of includesIn(path, parseCst(text)))
      for (const p of reader.glob(inc.pattern)) {
        if (out.has(p) || p === ctx.path) continue;
        out.add(p);
        visit(p, reader.readFile(p), depth - 1);
      }
  };
  visit(ctx.path, ctx.text, 5);
  return out;
}

function allNames(ctx: FeatureContext): NameRef[] {
  return [...relatedFiles(ctx)].flatMap(([p, d]) => namesIn(p, d));
}

/** The name reference at `offset` in the document, if any. */
function nameAt(ctx: FeatureContext, offset: number): NameRef | undefined {
  return namesIn(ctx.path, parseCst(ctx.text)).find(
    (n) => n.place.span.start <= offset && offset <= n.place.span.end,
  );
}

const sameName = (a: NameRef, b: NameRef) =>
  a.kind === b.kind && a.name === b.name && (a.kind === 'resource' || a.resource === b.resource);

function hover(ctx: FeatureContext, offset: number): HoverInfo | undefined {
  const doc = parseCst(ctx.text);
  const at = locate(doc, offset);
  const version = versionOf(ctx);
  const section = sectionOf(at.blocks);
  const name = head(at.stmt);
  const option = () => {
    if (!section || !at.stmt || name === undefined || !at.word) return undefined;
    const value = at.stmt.words[1] ? unquote(at.stmt.words[1]) : undefined;
    const md = optionHover(section, name, version, value);
    return md ? { markdown: md, span: { start: at.word.start, end: at.word.end } } : undefined;
  };
  // On the option name: the option. On a value: the name it refers to, else the option's verdict.
  if (at.wordIndex === 0) return option();
  const ref = nameAt(ctx, offset);
  if (ref) {
    const defs = allNames(ctx).filter((n) => n.role === 'definition' && sameName(n, ref));
    const where = defs.map((d) => `- ${d.place.path}:${lineOf(ctx, d.place)}`).join('\n');
    const what =
      ref.kind === 'resource'
        ? `resource \`${ref.name}\``
        : `host \`${ref.name}\` of resource \`${ref.resource}\``;
    return {
      markdown: defs.length
        ? `**${what}** is defined at:\n${where}`
        : `**${what}** is not defined in this file or the files it includes`,
      span: ref.place.span,
    };
  }
  return option();
}

function lineOf(ctx: FeatureContext, place: Place): number {
  const text = place.path === ctx.path ? ctx.text : (ctx.workspace.text(place.path) ?? '');
  let line = 1;
  for (let i = 0; i < place.span.start && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function keywordItems(words: readonly string[], replace: Span, detail: string): Completion[] {
  return words.map((label) => ({ label, kind: CompletionItemKind.Keyword, detail, replace }));
}

function complete(ctx: FeatureContext, offset: number): Completion[] {
  const doc = parseCst(ctx.text);
  const at = locate(doc, offset);
  const version = versionOf(ctx);
  const replace: Span = at.word ? { start: at.word.start, end: offset } : { start: offset, end: offset };
  const section = sectionOf(at.blocks);
  const parent = head(at.blocks.at(-1));
  if (at.wordIndex === 0) {
    if (section) {
      const table = OPTION_TABLES[version][section];
      return [...(table?.values() ?? [])]
        .filter((s) => !s.ignored)
        .map((s) => ({
          label: s.name,
          kind: CompletionItemKind.Property,
          detail: `${section} option${s.default !== undefined ? `, default ${s.default}` : ''}`,
          documentation: optionHover(section, s.name, version) ?? '',
          replace,
        }));
    }
    if (parent === undefined) return keywordItems(BLOCK_KEYWORDS[version].top, replace, 'statement');
    if (parent === 'resource')
      return keywordItems(BLOCK_KEYWORDS[version].resource, replace, 'resource statement');
    if (parent === 'on' || parent === 'floating')
      return keywordItems(BLOCK_KEYWORDS[version].host, replace, 'host statement');
    if (parent === 'global') return keywordItems(BLOCK_KEYWORDS[version].global, replace, 'global statement');
    if (parent === 'common') return keywordItems(BLOCK_KEYWORDS[version].common, replace, 'section');
    if (parent === 'connection')
      return keywordItems(['host', 'path', 'net', 'volume', 'skip'], replace, 'connection statement');
    if (parent === 'path') return keywordItems(['host'], replace, 'path statement');
    if (parent === 'connection-mesh')
      return keywordItems(['hosts', 'net'], replace, 'connection-mesh statement');
    return [];
  }
  const name = head(at.stmt);
  if (name === undefined) return [];
  if (RESOURCE_REFS.has(name) && at.wordIndex === 1) {
    const own = resourceOf(at.blocks);
    const names = new Set(
      allNames(ctx)
        .filter((n) => n.kind === 'resource' && n.role === 'definition' && n.name !== own)
        .map((n) => n.name),
    );
    return [...names]
      .sort()
      .map((label) => ({ label, kind: CompletionItemKind.Reference, detail: 'resource', replace }));
  }
  if (
    (name === 'host' || name === 'hosts') &&
    (parent === 'connection' || parent === 'path' || parent === 'connection-mesh')
  ) {
    const resource = resourceOf(at.blocks);
    const names = new Set(
      namesIn(ctx.path, doc)
        .filter((n) => n.kind === 'host' && n.role === 'definition' && n.resource === resource)
        .map((n) => n.name),
    );
    return [...names].map((label) => ({
      label,
      kind: CompletionItemKind.Reference,
      detail: `host of ${resource}`,
      replace,
    }));
  }
  if (section && at.wordIndex === 1) {
    const spec = OPTION_TABLES[version][section]?.get(name);
    if (!spec) return [];
    const values = spec.type === 'bool' ? ['yes', 'no'] : (spec.values ?? []);
    const items: Completion[] = values.map((label) => ({
      label,
      kind: CompletionItemKind.EnumMember,
      detail: `${name}${label === spec.default ? ' (default)' : ''}`,
      replace,
    }));
    const typed = at.word ? ctx.text.slice(at.word.start, offset) : '';
    if ((spec.scale === 'k' || spec.scale === 's') && /^[0-9]+$/.test(typed))
      for (const suffix of ['K', 'M', 'G'])
        items.push({
          label: `${typed}${suffix}`,
          kind: CompletionItemKind.Unit,
          detail: `${typed} ${suffix}iB`,
          replace,
        });
    return items;
  }
  return [];
}

function resourceOf(blocks: readonly StatementNode[]): string | undefined {
  const r = blocks.find((b) => head(b) === 'resource');
  return r?.words[1] ? unquote(r.words[1]) : undefined;
}

function definition(ctx: FeatureContext, offset: number): Place[] {
  const doc = parseCst(ctx.text);
  const reader = ctx.workspace.reader(ctx.path);
  for (const inc of includesIn(ctx.path, doc))
    if (inc.token.start <= offset && offset <= inc.token.end)
      return reader.glob(inc.pattern).map((path) => ({ path, span: { start: 0, end: 0 } }));
  const ref = nameAt(ctx, offset);
  if (!ref) return [];
  return allNames(ctx)
    .filter((n) => n.role === 'definition' && sameName(n, ref))
    .map((n) => n.place);
}

function references(ctx: FeatureContext, offset: number): Place[] {
  const ref = nameAt(ctx, offset);
  if (!ref) return [];
  return allNames(ctx)
    .filter((n) => sameName(n, ref))
    .map((n) => n.place);
}

const SYMBOL_KINDS: Record<string, SymbolKind> = {
  resource: SymbolKind.Module,
  on: SymbolKind.Object,
  floating: SymbolKind.Object,
  volume: SymbolKind.Field,
  connection: SymbolKind.Interface,
  'connection-mesh': SymbolKind.Interface,
  path: SymbolKind.Interface,
  global: SymbolKind.Namespace,
  common: SymbolKind.Namespace,
  'stacked-on-top-of': SymbolKind.Module,
};

function symbols(ctx: FeatureContext): OutlineSymbol[] {
  const walk = (items: readonly ItemNode[]): OutlineSymbol[] =>
    statements(items).flatMap((s): OutlineSymbol[] => {
      const h = head(s);
      if (!s.block || h === undefined) return [];
      const kind = SYMBOL_KINDS[h] ?? (SECTIONS.has(h) ? SymbolKind.Namespace : undefined);
      if (kind === undefined) return [];
      const rest = s.words.slice(1).map((w) => unquote(w));
      const named = s.words[1] ?? s.words[0]!;
      return [
        {
          name: rest.length ? `${h} ${rest.join(' ')}` : h,
          kind,
          span: { start: s.start, end: s.end },
          nameSpan: { start: s.words[0]!.start, end: named.end },
          children: walk(s.block.items),
        },
      ];
    });
  return walk(parseCst(ctx.text).items);
}

function refactorings(ctx: FeatureContext, span: Span): Refactoring[] {
  if (versionOf(ctx) !== '8.4') return [];
  const doc = parseCst(ctx.text);
  const resource = statements(doc.items).find(
    (s) => head(s) === 'resource' && s.start <= span.start && span.end <= s.end,
  );
  if (!resource) return [];
  const migrated = migrate(ctx.text, { fileName: ctx.path });
  const edits = migrated.edits.filter((e) => resource.start <= e.start && e.end <= resource.end);
  if (edits.length === 0) return [];
  const name = resource.words[1] ? unquote(resource.words[1]) : '';
  return [{ title: `Migrate resource \`${name}\` to DRBD 9`, edits }];
}

/** Editor features of drbd.conf, from drbd-conf's CST and option tables. */
export const drbdFeatures: FormatFeatures = {
  hover,
  complete,
  definition,
  references,
  symbols,
  refactorings,
};
