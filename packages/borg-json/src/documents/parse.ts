import { type Diagnostic, DiagnosticCollector, LineIndex, type ParseResult } from '@ftkit/core';
import { findNodeAtLocation, type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { z } from 'zod';
import { codeUrl, jsonTypeOf, SOURCE, showValue } from '../diagnostics.js';
import { isBorgFloatKey } from '../json/float-keys.js';
import { findTooDeep, MAX_JSON_DEPTH } from '../json/nesting.js';
import { pyDumps } from '../json/py-json.js';
import { type BorgDocument, type BorgMajor, type DocumentKind, documentSchemas } from './schema.js';

/**
 * The concrete syntax of a document: the text and jsonc-parser's node tree (offsets of every
 * key and value). Lossless by construction: {@link print} returns `text`.
 */
export interface DocumentCst {
  readonly text: string;
  /** `undefined` when the text holds no JSON value at all. */
  readonly tree: Node | undefined;
  readonly errors: readonly ParseError[];
}

/** Builds the node tree of a JSON text (strict JSON: comments and trailing commas are errors). */
export function parseCst(text: string): DocumentCst {
  // jsonc-parser recurses once per level: a text nested deeper than MAX_JSON_DEPTH gets no tree.
  if (findTooDeep(text) >= 0) return { text, tree: undefined, errors: [] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  return { text, tree, errors };
}

/** Lossless print: the text the CST was built from. */
export function print(cst: DocumentCst): string {
  return cst.text;
}

/** What {@link detectDocument} found. */
export interface DocumentKindInfo {
  readonly kind: DocumentKind;
  readonly major: BorgMajor;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOffset = (s: unknown) => typeof s === 'string' && /[+-]\d\d:?\d\d$|Z$/.test(s);

/**
 * Tells the document kind and the borg generation (1.x or 2.0) from the shape of a parsed
 * value: `command_line` array vs string, offsets in timestamps, `barchive`, `limits`,
 * `*csize` cache stats, `encryption.mode` vs `encryption.encryption`. `undefined` when the
 * value is no borg document.
 */
export function detectDocument(value: unknown): DocumentKindInfo | undefined {
  if (!isObj(value)) return undefined;
  const repo = value.repository;
  let kind: DocumentKind | undefined;
  if (isObj(value.archive)) kind = 'create';
  else if (Array.isArray(value.archives)) {
    const first = value.archives.find(isObj);
    if (first && 'kept' in first) kind = 'prune';
    else kind = 'cache' in value ? 'archive-info' : 'archive-list';
  } else if ('security_dir' in value || 'cache' in value) kind = 'repo-info';
  if (!kind || (!isObj(repo) && !('encryption' in value))) return undefined;
  if (kind === 'prune') return { kind, major: 2 };
  const archives: unknown[] =
    kind === 'create' ? [value.archive] : Array.isArray(value.archives) ? value.archives : [];
  let v1 = 0;
  let v2 = 0;
  for (const a of archives.slice(0, 3)) {
    if (!isObj(a)) continue;
    if (Array.isArray(a.command_line)) v1++;
    else if (typeof a.command_line === 'string') v2++;
    if ('barchive' in a || 'limits' in a) v1++;
    if (hasOffset(a.start ?? a.time)) v2++;
    else if (typeof (a.start ?? a.time) === 'string') v1++;
  }
  if (isObj(repo) && typeof repo.last_modified === 'string') {
    if (hasOffset(repo.last_modified)) v2++;
    else v1++;
  }
  const enc = value.encryption;
  if (isObj(enc) && 'encryption' in enc) v2 += 2;
  const cache = value.cache;
  if (isObj(cache) && isObj(cache.stats) && 'total_csize' in cache.stats) v1++;
  return { kind, major: v2 > v1 ? 2 : 1 };
}

/** Options for {@link parse}. */
export interface ParseOptions {
  /** File name used in diagnostics. */
  readonly fileName?: string;
  /** Force the kind instead of detecting it. */
  readonly kind?: DocumentKind;
  /** Force the generation instead of detecting it. */
  readonly major?: BorgMajor;
  /** Report unknown keys as `info` (default `true`). */
  readonly reportUnknownKeys?: boolean;
}

/**
 * Parses a `--json` document of any kind and version. Never throws: JSON syntax errors, schema
 * issues (with the position of the offending key or value) and unknown keys (`info`) are
 * diagnostics. `model` is `undefined` when the text is not JSON or no borg document.
 */
export function parse(
  text: string,
  options: ParseOptions = {},
): ParseResult<DocumentCst, BorgDocument | undefined> {
  const lineIndex = new LineIndex(text);
  const dc = new DiagnosticCollector(text, SOURCE, options.fileName, lineIndex, {
    overflowCode: 'borg/too-many-problems',
  });
  const deep = findTooDeep(text);
  if (deep >= 0) {
    dc.error(
      'borg/too-deep',
      `Expected at most ${MAX_JSON_DEPTH} nested arrays and objects, found more`,
      { start: deep, end: deep + 1 },
      {
        url: codeUrl('borg/too-deep'),
        note: 'borg never nests its output this deep; the text is not read further',
      },
    );
    return { cst: { text, tree: undefined, errors: [] }, model: undefined, diagnostics: dc.items };
  }
  let value: unknown;
  let ok = true;
  try {
    value = JSON.parse(text);
  } catch {
    ok = false;
  }
  let cstCache: DocumentCst | undefined;
  const cst = () => {
    cstCache ??= parseCst(text);
    return cstCache;
  };
  if (!ok) {
    const c = cst();
    const errs = c.errors.length > 0 ? c.errors : [{ error: 0, offset: text.length, length: 0 }];
    for (const e of errs.slice(0, 5)) {
      const found =
        e.offset >= text.length
          ? 'end of input'
          : `\`${text.slice(e.offset, e.offset + Math.max(1, Math.min(e.length, 20)))}\``;
      dc.error(
        'borg/invalid-json',
        `Invalid JSON: ${describeJsonError(e)}, found ${found}`,
        { start: e.offset, end: e.offset + e.length },
        { url: codeUrl('borg/invalid-json') },
      );
    }
    return { cst: c, model: undefined, diagnostics: dc.items };
  }
  const detected = detectDocument(value);
  const kind = options.kind ?? detected?.kind;
  const major = options.major ?? detected?.major ?? 1;
  if (!kind) {
    dc.error(
      'borg/unknown-document',
      `Expected a borg \`--json\` document (create, info, list), found ${
        jsonTypeOf(value) === 'object'
          ? `an object with keys ${
              Object.keys(value as object)
                .slice(0, 5)
                .map((k) => `\`${k}\``)
                .join(', ') || 'none'
            }`
          : `\`${showValue(value)}\``
      }`,
      { start: 0, end: Math.min(text.length, 1) },
      {
        url: codeUrl('borg/unknown-document'),
        note: 'Every borg document has `repository` and `encryption` objects',
      },
    );
    return {
      cst: cstCache ?? { text, tree: undefined, errors: [] },
      model: undefined,
      diagnostics: dc.items,
    };
  }
  const schema: z.ZodType = documentSchemas[kind][major];
  const result = schema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) reportIssue(dc, cst, value, issue);
  }
  if (options.reportUnknownKeys !== false) {
    const unknown: (string | number)[][] = [];
    findUnknownKeys(schema, value, [], unknown);
    for (const path of unknown.slice(0, 200)) {
      const node = findNodeAtLocation(cst().tree!, path);
      const keyNode = node?.parent?.children?.[0];
      const span = keyNode
        ? { start: keyNode.offset, end: keyNode.offset + keyNode.length }
        : { start: 0, end: 0 };
      dc.info(
        'borg/unknown-key',
        `Unknown key \`${path[path.length - 1]}\` in \`${pathText(path.slice(0, -1)) || '(top level)'}\``,
        span,
        {
          url: codeUrl('borg/unknown-key'),
          note: 'The key is kept in the model; a newer borg version may print it',
        },
      );
    }
  }
  if (result.success && text.includes('"__proto__"')) restoreProtoKeys(value, result.data);
  const model = result.success ? ({ kind, major, data: result.data } as BorgDocument) : undefined;
  return { cst: cstCache ?? { text, tree: undefined, errors: [] }, model, diagnostics: dc.items };
}

/**
 * zod copies the unknown keys of a loose object with `out[key] = value`, so a `__proto__` key
 * from the text becomes the copy's prototype instead of a key, and `emit` loses it. Puts every
 * such key back as an own property (and the prototype back to `Object.prototype`), walking the
 * parsed JSON and zod's output side by side. Depth is bounded by {@link MAX_JSON_DEPTH}.
 */
function restoreProtoKeys(raw: unknown, data: unknown): void {
  if (typeof raw !== 'object' || raw === null || typeof data !== 'object' || data === null) return;
  if (Array.isArray(raw)) {
    if (Array.isArray(data)) for (let i = 0; i < raw.length; i++) restoreProtoKeys(raw[i], data[i]);
    return;
  }
  const r = raw as Record<string, unknown>;
  const d = data as Record<string, unknown>;
  if (Object.hasOwn(r, '__proto__') && !Object.hasOwn(d, '__proto__')) {
    Object.setPrototypeOf(d, Object.prototype);
    Object.defineProperty(d, '__proto__', {
      value: Object.getOwnPropertyDescriptor(r, '__proto__')?.value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  for (const k of Object.keys(r)) if (k !== '__proto__' && Object.hasOwn(d, k)) restoreProtoKeys(r[k], d[k]);
}

function describeJsonError(e: ParseError): string {
  const name = printParseErrorCode(e.error);
  switch (name) {
    case 'InvalidSymbol':
      return 'expected a value';
    case 'InvalidNumberFormat':
      return 'expected a number';
    case 'PropertyNameExpected':
      return 'expected a key in double quotes';
    case 'ValueExpected':
      return 'expected a value';
    case 'ColonExpected':
      return 'expected `:`';
    case 'CommaExpected':
      return 'expected `,`';
    case 'CloseBraceExpected':
      return 'expected `}`';
    case 'CloseBracketExpected':
      return 'expected `]`';
    case 'EndOfFileExpected':
      return 'expected end of input';
    case 'InvalidCommentToken':
      return 'comments are not JSON';
    case 'UnexpectedEndOfString':
      return 'expected `"` to end the string';
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return 'expected a valid escape';
    case 'InvalidCharacter':
      return 'expected a printable character';
    default:
      return 'expected a JSON value';
  }
}

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.hasOwn(v, p as string) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return v;
}

function reportIssue(
  dc: DiagnosticCollector,
  cst: () => DocumentCst,
  value: unknown,
  issue: z.core.$ZodIssue,
): void {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const tree = cst().tree;
  const actual = valueAt(value, path);
  // JSON has no undefined: an undefined value is an absent key, whatever zod's issue code (a
  // missing union member was reported as `found undefined`).
  const missing = actual === undefined && path.length > 0;
  // A missing key has no node: point at the enclosing object's opening brace.
  const nodePath = missing ? path.slice(0, -1) : path;
  const node = tree ? findNodeAtLocation(tree, nodePath) : undefined;
  const span = node
    ? missing
      ? { start: node.offset, end: node.offset + 1 }
      : { start: node.offset, end: node.offset + node.length }
    : { start: 0, end: 0 };
  const where = pathText(path);
  if (missing) {
    dc.error(
      'borg/missing-key',
      `Missing key \`${String(path[path.length - 1])}\` in \`${pathText(path.slice(0, -1)) || '(top level)'}\``,
      span,
      {
        url: codeUrl('borg/missing-key'),
      },
    );
    return;
  }
  let expected = 'a valid value';
  if (issue.code === 'invalid_type') expected = issue.expected === 'int' ? 'integer' : String(issue.expected);
  else if (issue.code === 'custom') {
    dc.error('borg/invalid-value', `${issue.message} at \`${where}\``, span, {
      url: codeUrl('borg/invalid-value'),
    });
    return;
  } else if (issue.code === 'invalid_union') expected = 'a list or `""`';
  else if (issue.code === 'invalid_value')
    expected = issue.values.map((v) => `\`${String(v)}\``).join(' or ');
  dc.error(
    'borg/invalid-value',
    `Expected ${expected} at \`${where}\`, found ${jsonTypeOf(actual)} \`${showValue(actual)}\``,
    span,
    {
      url: codeUrl('borg/invalid-value'),
    },
  );
}

// biome-ignore lint/suspicious/noExplicitAny: walks zod's internal definition objects
type AnyDef = any;

/** Collects paths of object keys that the schema does not name (loose objects keep them). */
export function findUnknownKeys(
  schema: z.ZodType,
  value: unknown,
  path: (string | number)[],
  out: (string | number)[][],
): void {
  const def: AnyDef = (schema as AnyDef)._zod.def;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
      findUnknownKeys(def.innerType, value, path, out);
      return;
    case 'pipe':
      findUnknownKeys(def.in, value, path, out);
      return;
    case 'union': {
      for (const o of def.options) {
        if ((o as z.ZodType).safeParse(value).success) {
          findUnknownKeys(o, value, path, out);
          return;
        }
      }
      return;
    }
    case 'array':
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) findUnknownKeys(def.element, value[i], [...path, i], out);
      }
      return;
    case 'object': {
      if (!isObj(value)) return;
      const shape = def.shape as Record<string, z.ZodType>;
      for (const k of Object.keys(value)) {
        if (Object.hasOwn(shape, k)) findUnknownKeys(shape[k]!, value[k], [...path, k], out);
        else out.push([...path, k]);
      }
      return;
    }
    default:
      return;
  }
}

/** Options for {@link emit}. */
export interface EmitOptions {
  /**
   * Indentation as `BORG_JSON_INDENT` sets it (1.4.5+, b22+): spaces, a string, or `null` for
   * one line. Default 4, what every version prints without the variable.
   */
  readonly indent?: number | string | null;
}

/**
 * Writes a document exactly as borg does (`json.dumps(indent=4, sort_keys=True,
 * ensure_ascii=True)` plus a newline): `emit(parse(x).model) === x` for every
 * real capture. Accepts a {@link BorgDocument} or its plain `data` object.
 */
export function emit(doc: BorgDocument | Record<string, unknown>, options: EmitOptions = {}): string {
  const data = 'kind' in doc && 'data' in doc && 'major' in doc ? doc.data : doc;
  return `${pyDumps(data, { indent: options.indent === undefined ? 4 : options.indent, sortKeys: true, isFloatKey: isBorgFloatKey })}\n`;
}

/** All diagnostics of `list` whose severity is `error`. */
export function documentErrors(list: readonly Diagnostic[]): Diagnostic[] {
  return list.filter((d) => d.severity === 'error');
}
