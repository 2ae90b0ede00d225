import type { Span } from '@ftkit/core';
import { DiagnosticCollector } from '@ftkit/core';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { LAB_SOURCE, type LoadSpecResult } from './source.js';
import { validateSpecValue } from './validate-spec.js';

// The YAML reader is kept apart from validateSpecValue so that commands which never read a
// YAML or JSON spec (the built-in lab, `lab check`) do not load the yaml package.

/**
 * Reads a lab spec written in YAML or JSON (JSON is read by the same YAML 1.2 parser, so the
 * positions are exact in both). Never throws: syntax errors (`LAB_SPEC_SYNTAX`) and schema
 * issues (`LAB_SPEC_INVALID`) come back as diagnostics pointing at the spec line. `overrides`
 * (top-level fields, e.g. from `--mode`) replace the spec's before it is checked.
 */
export function loadLabSpec(
  text: string,
  fileName?: string,
  overrides: Readonly<Record<string, unknown>> = {},
): LoadSpecResult {
  const out = new DiagnosticCollector(text, LAB_SOURCE, fileName);
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [start, end] = e.pos;
    out.add({
      code: 'LAB_SPEC_SYNTAX',
      severity: doc.errors.includes(e) ? 'error' : 'warning',
      message: `Invalid YAML: ${e.message
        .split('\n')[0]!
        .replace(/\.$/, '')
        .replace(/ at line \d+, column \d+:?$/, '')}`,
      span: { start: Math.min(start, text.length), end: Math.min(Math.max(end, start), text.length) },
    });
  }
  if (doc.errors.length > 0) return { spec: undefined, diagnostics: out.items };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Unresolved aliases and alias bombs surface only when converting.
    out.error(
      'LAB_SPEC_SYNTAX',
      `Invalid YAML: ${error instanceof Error ? error.message.replace(/\.$/, '') : String(error)}`,
      {
        start: 0,
        end: Math.min(text.length, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n')),
      },
    );
    return { spec: undefined, diagnostics: out.items };
  }
  // Command-line overrides (`--mode`, `--drbd-version`) are checked with the spec, so what they
  // make impossible is reported at the spec's lines too.
  const merged =
    Object.keys(overrides).length && value && typeof value === 'object' && !Array.isArray(value)
      ? { ...(value as Record<string, unknown>), ...overrides }
      : value;
  return validateSpecValue(merged, out, (path, key) => locate(doc.contents, path, text.length, key));
}

/**
 * The span of the YAML node at `path`; with `key`, the span of that key in the mapping. A path
 * that does not exist falls back to the closest existing parent (its key when possible).
 */
function locate(root: Node | null, path: readonly PropertyKey[], length: number, key?: string): Span {
  let node: unknown = root;
  let keySpan: Span | undefined;
  for (const p of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(p));
      if (!pair) break;
      keySpan = rangeOf(pair.key as Node) ?? keySpan;
      node = pair.value;
    } else if (isSeq(node) && typeof p === 'number' && node.items[p] !== undefined) {
      node = node.items[p];
      keySpan = undefined;
    } else break;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === key);
    const r = pair ? rangeOf(pair.key as Node) : undefined;
    if (r) return r;
  }
  const r = rangeOf(node as Node);
  if (r && !(isMap(node) || isSeq(node))) return r;
  // A mapping or list (e.g. a missing key): point at its first key, or its key in the parent.
  const first = isMap(node) ? node.items[0] : undefined;
  const firstKey = first && isPair(first) ? rangeOf(first.key as Node) : undefined;
  return (
    firstKey ?? keySpan ?? (r ? { start: r.start, end: r.start } : { start: 0, end: Math.min(length, 0) })
  );
}

function rangeOf(node: Node | null | undefined): Span | undefined {
  const r = node && typeof node === 'object' && 'range' in node ? node.range : undefined;
  return r ? { start: r[0], end: r[1] } : undefined;
}
