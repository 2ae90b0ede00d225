import type { Diagnostic } from '@ftkit/core';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { z } from 'zod';
import { checkText, collectorFor, type SourceParseOptions, shown } from '../../diagnostics.js';
import { type StatusJson, StatusJsonSchema } from './schema.js';

/**
 * Replaces the bare `nan`, `-nan`, `inf`, `-inf` that drbd-utils 9.4.0–9.5.0 printed as numbers
 * with `null`, outside strings, so `JSON.parse` accepts the document.
 */
export function repairStatusJson(text: string): string {
  if (!/\b(?:nan|inf)\b/.test(text)) return text;
  return text.replace(/("(?:[^"\\]|\\.)*")|-?\b(?:nan|inf)\b/g, (m, str: string | undefined) =>
    str ? m : 'null',
  );
}

/** The value at a zod issue path in the parsed JSON (own properties only). */
function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, p)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** A JSON type name for messages; JSON's `1e309` parses to Infinity, which JSON cannot hold. */
function foundText(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && !Number.isFinite(v)) return 'a number too large for a double';
  return typeof v === 'number' ? 'number' : typeof v;
}

function issueMessage(i: z.core.$ZodIssue, raw: unknown): string {
  const where = `\`${i.path.map(String).join('.') || '(root)'}\``;
  if (i.code === 'invalid_type') {
    const v = valueAt(raw, i.path);
    if (v === undefined && i.path.length > 0) {
      const parent = i.path.slice(0, -1).map(String).join('.') || '(root)';
      return `Missing key \`${String(i.path[i.path.length - 1])}\` (${i.expected}) in \`${parent}\``;
    }
    return `Expected ${i.expected} at ${where}, found ${foundText(v)}`;
  }
  return `Invalid value at ${where}: ${i.message}`;
}

/** The result of {@link parseStatusJson}. */
export interface StatusJsonParseResult {
  /** The document as zod read it; `null` when it is not JSON or does not fit the schema. */
  readonly model: StatusJson | null;
  /** Problems found (codes `drbd-status/invalid-json`, `drbd-status/schema-mismatch`), with spans into the text. */
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Parses `drbdsetup status --json` text. Never throws: a syntax error or a value of the wrong
 * type becomes a diagnostic whose span covers the offending value (or its nearest parent).
 */
export function parseStatusJson(text: string, options: SourceParseOptions = {}): StatusJsonParseResult {
  checkText(text);
  const diagnostics = collectorFor(text, options);
  let raw: unknown;
  try {
    raw = JSON.parse(repairStatusJson(text));
  } catch (error) {
    const m = /position (\d+)/.exec(String(error));
    const start = m ? Number(m[1]) : 0;
    diagnostics.error(
      'drbd-status/invalid-json',
      // V8 quotes the input around the error: control characters in it are spelled out.
      `Expected JSON, found a syntax error: ${shown(error instanceof Error ? error.message : String(error), 200)}`,
      { start, end: Math.min(text.length, start + 1) },
    );
    return { model: null, diagnostics: diagnostics.items };
  }
  const r = StatusJsonSchema.safeParse(raw);
  if (r.success) return { model: r.data, diagnostics: diagnostics.items };
  const tree = parseTree(repairStatusJson(text));
  for (const i of r.error.issues) {
    const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    // Issues point at the offending value (jsonc-parser gives node offsets), else its parent.
    let node = tree ? findNodeAtLocation(tree, path) : undefined;
    for (let up = path.length - 1; tree && !node && up >= 0; up--)
      node = findNodeAtLocation(tree, path.slice(0, up));
    const start = node ? node.offset : 0;
    const end = node ? node.offset + node.length : Math.min(text.length, 1);
    diagnostics.error('drbd-status/schema-mismatch', issueMessage(i, raw), { start, end });
  }
  return { model: null, diagnostics: diagnostics.items };
}
