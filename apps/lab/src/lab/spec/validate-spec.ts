import type { DiagnosticCollector, Span } from '@ftkit/core';
import { didYouMean } from '@ftkit/core';
import type { z } from 'zod';
import type { LoadSpecResult } from './source.js';
import { LabSpecCheckedSchema } from './spec.js';

/**
 * Validates an already-loaded value (e.g. the default export of a TypeScript spec). Issues are
 * placed with `locate` when given, else at the start of the file.
 */
export function validateSpecValue(
  value: unknown,
  out: DiagnosticCollector,
  locate: (path: readonly PropertyKey[], key?: string) => Span = () => ({ start: 0, end: 0 }),
): LoadSpecResult {
  const parsed = LabSpecCheckedSchema.safeParse(value);
  if (parsed.success) return { spec: parsed.data, diagnostics: out.items };
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const allowed = allowedKeys(issue.path);
        const hint = didYouMean(key, allowed);
        out.add({
          code: 'LAB_SPEC_INVALID',
          severity: 'error',
          message: `Unknown key \`${key}\`${hint ? `: did you mean \`${hint}\`?` : ''}`,
          span: locate(issue.path, key),
          ...(allowed.length ? { note: `Allowed here: ${allowed.join(', ')}` } : {}),
        });
      }
      continue;
    }
    out.add({
      code: 'LAB_SPEC_INVALID',
      severity: 'error',
      message: `${issueMessage(issue, value)}${issue.path.length ? ` at \`${formatPath(issue.path)}\`` : ''}`,
      span: locate(issue.path),
    });
  }
  return { spec: undefined, diagnostics: out.items };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return '`null`';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `\`${String(v)}\``;
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.hasOwn(v, p) ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  }
  return v;
}

function issueMessage(issue: z.core.$ZodIssue, root: unknown): string {
  const found = describeValue(at(root, issue.path));
  switch (issue.code) {
    case 'invalid_type':
      return at(root, issue.path) === undefined && issue.path.length > 0
        ? `Missing \`${String(issue.path[issue.path.length - 1] ?? 'value')}\``
        : `Expected ${issue.expected === 'array' ? 'a list' : issue.expected === 'object' ? 'a mapping' : `a ${issue.expected}`}, found ${found}`;
    case 'invalid_value':
      return `Expected ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}, found ${found}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `Expected at least ${issue.minimum} items, found ${(at(root, issue.path) as unknown[]).length}`
        : `Expected ${issue.origin === 'string' ? `at least ${issue.minimum} characters` : `a number of at least ${issue.minimum}`}, found ${found}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `Expected at most ${issue.maximum} items, found ${(at(root, issue.path) as unknown[]).length}`
        : `Expected ${issue.origin === 'string' ? `at most ${issue.maximum} characters` : `a number of at most ${issue.maximum}`}, found ${found}`;
    case 'invalid_format':
      return `${issue.message.replace(/\.$/, '')}, found ${found}`;
    default:
      return issue.message.replace(/\.$/, '');
  }
}

/** Keys the schema allows at `path` (for did-you-mean hints). */
function allowedKeys(path: readonly PropertyKey[]): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: walking zod internals generically
  let s: any = LabSpecCheckedSchema;
  for (const p of path) {
    s = unwrap(s);
    if (!s) return [];
    if (typeof p === 'number') s = s.def?.element;
    else s = s.def?.shape?.[p];
  }
  s = unwrap(s);
  return s?.def?.shape ? Object.keys(s.def.shape) : [];
}

// biome-ignore lint/suspicious/noExplicitAny: walking zod internals generically
function unwrap(s: any): any {
  let cur = s;
  for (let i = 0; i < 10 && cur; i++) {
    const t = cur.def?.type;
    if (t === 'optional' || t === 'default' || t === 'prefault' || t === 'nullable') cur = cur.def.innerType;
    else if (t === 'pipe') cur = cur.def.in;
    else break;
  }
  return cur;
}
