import type { FtkitIssue } from '@ftkit/core';
import { MAX_STRING } from '../cst/lexer.js';
import { emit } from '../emit.js';
import type { DrbdVersion } from '../model/options.js';
import { parse } from '../parse.js';
import type { DrbdConfig } from '../schema.js';

/**
 * One problem of a built model: the `drbd/…` code `parse` gives the same problem (or
 * `drbd/invalid-shape`), the field path in the model (`['resources', 0, 'hosts', 1, 'address',
 * 'port']`, `[]` for the root) and a plain message.
 */
type BuildIssue = FtkitIssue;

type Span = { start: number; end: number };
interface Located {
  readonly path: (string | number)[];
  readonly span: Span;
}

/** Every model node that carries a span, with its path (depth-first, parents before children). */
function locate(value: unknown, path: (string | number)[], out: Located[]): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) locate(value[i], [...path, i], out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  const span = node.span as Span | undefined;
  if (span && typeof span.start === 'number') out.push({ path, span });
  for (const [k, v] of Object.entries(node)) if (k !== 'span' && k !== 'file') locate(v, [...path, k], out);
}

/** The path of the innermost node around `at`, refined to the field the offset falls on. */
function pathAt(
  nodes: readonly Located[],
  at: Span,
  text: string,
  built: DrbdConfig,
  message: string,
): (string | number)[] {
  const resolve = (path: readonly (string | number)[]): unknown => {
    let node: unknown = built;
    for (const seg of path) node = (node as Record<string | number, unknown> | undefined)?.[seg];
    return node;
  };
  const lineStart = text.lastIndexOf('\n', at.start - 1) + 1;
  const lineEnd = text.indexOf('\n', at.start);
  const blockHead = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).endsWith('{');
  let best: Located | undefined;
  for (const n of nodes) {
    const inside = n.span.start <= at.start && (at.start < n.span.end || n.span.start === n.span.end);
    if (!inside || (best && n.span.end - n.span.start > best.span.end - best.span.start)) continue;
    // the implicit volume's span runs across the resource's own sections: a block is not its
    if (
      blockHead &&
      n.path.at(-2) === 'volumes' &&
      (resolve(n.path) as { number?: number })?.number === undefined
    )
      continue;
    best = n;
  }
  if (!best) return [];
  // Rejected statements are missing from the read-back model, so fields are looked up in the
  // built model, at the path of the innermost node that was read back.
  const node = resolve(best.path);
  if (node === null || typeof node !== 'object') return best.path;
  const missing = /^Missing `([a-z-]+)`/.exec(message)?.[1];
  if (missing && FIELDS[missing]) return [...best.path, FIELDS[missing]];
  // Options and addresses carry no span of their own (parse keeps them lean); `emit` writes one
  // statement per line, so the statement's first word names the field inside the innermost node.
  const word = /^\s*([A-Za-z0-9_-]+)/.exec(text.slice(lineStart, at.start + 64));
  if (!word) return best.path;
  const first = word[1]!;
  const wordEnd = lineStart + word[0].length;
  const options = (node as { options?: unknown }).options;
  if (Array.isArray(options)) {
    const named = options as { name: string; negated?: boolean }[];
    // the nth statement with this word inside the section is the nth option of that name
    const before = text.slice(best.span.start, lineStart).split('\n');
    const nth = before.filter((l) => l.trimStart().split(/[\s;]/)[0] === first).length;
    const index = named
      .map((o, i) => ((o.negated ? `no-${o.name}` : o.name) === first ? i : -1))
      .filter((i) => i >= 0)[nth];
    if (index !== undefined) return [...best.path, 'options', index, at.start >= wordEnd ? 'value' : 'name'];
  }
  const sections = (node as { sections?: unknown }).sections;
  if (Array.isArray(sections) && text[text.indexOf(first, lineStart) + first.length + 1] === '{') {
    // a section block: the nth `KIND {` line at this indentation is the nth section of that kind
    const indent = word[0].length - first.length;
    const head = `${' '.repeat(indent)}${first} {`;
    const nth = text
      .slice(best.span.start, lineStart)
      .split('\n')
      .filter((l) => l.startsWith(head)).length;
    const index = (sections as { kind: string }[])
      .map((x, i) => (x.kind === first ? i : -1))
      .filter((i) => i >= 0)[nth];
    if (index !== undefined) return [...best.path, 'sections', index];
  }
  const field = FIELDS[first];
  if (field && (node as Record<string, unknown>)[field] !== undefined) {
    if (field === 'address' || field === 'alternateLinkAddress') {
      const colon = text.lastIndexOf(':', text.indexOf(';', at.start));
      return [...best.path, field, at.start > colon ? 'port' : 'ip'];
    }
    return [...best.path, field];
  }
  return best.path;
}

/** Statement keywords of spanned nodes and the model field each one fills. */
const FIELDS: Record<string, string> = {
  address: 'address',
  'alternate-link-address': 'alternateLinkAddress',
  'node-id': 'nodeId',
  device: 'device',
  disk: 'disk',
  'meta-disk': 'metaDisk',
  'flexible-meta-disk': 'metaDisk',
};

/** Strings `emit` cannot write as a drbd.conf token (a newline, more than 255 characters). */
function unwritable(value: unknown, path: (string | number)[]): BuildIssue[] {
  if (typeof value === 'string') {
    if (value.includes('\n'))
      return [
        {
          code: 'drbd/lexical',
          path: path,
          message: 'Invalid text: a drbd.conf string cannot hold a newline',
        },
      ];
    if (value.length > MAX_STRING)
      return [
        {
          code: 'drbd/lexical',
          path: path,
          message: `Invalid text: longer than ${MAX_STRING} characters`,
        },
      ];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => unwritable(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === 'span' || k === 'file' ? [] : unwritable(v, [...path, k]),
  );
}

/**
 * The problems drbdadm would refuse a built model for, found by the checks `parse` makes (the
 * same option tables, value checks and cross-statement model checks): the model is written with
 * `emit`, read back with `parse`, and every error is mapped to the field path of the node it is
 * about (the read-back model has the shape of the built one, so the paths are the same).
 */
export function checkBuilt(model: DrbdConfig, drbdVersion: DrbdVersion = model.drbdVersion): BuildIssue[] {
  let text: string;
  try {
    text = emit(model, { drbdVersion });
  } catch (error) {
    // `quote` refuses text drbdadm cannot read back; name every such string
    const bad = unwritable(model, []);
    return bad.length > 0
      ? bad
      : [{ code: 'drbd/lexical', path: [], message: error instanceof Error ? error.message : String(error) }];
  }
  const read = parse(text, { drbdVersion });
  const errors = read.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return [];
  const nodes: Located[] = [];
  locate(read.model, [], nodes);
  return errors.map((d) => ({
    code: d.code,
    path: pathAt(nodes, d.span, text, model, d.message),
    message: d.message,
  }));
}
