/** One problem an {@link FtkitError} carries: what is wrong, and where in the caller's input. */
export interface FtkitIssue {
  /** Stable code, `<format>/<kebab-id>` (e.g. `drbd/build-invalid-port`). */
  readonly code: string;
  /** Where in the caller's input: object keys and array indexes, e.g. `['resources', 0, 'port']`. */
  readonly path: readonly (string | number)[];
  /** Plain sentence saying what is wrong. */
  readonly message: string;
}

/** `['resources', 0, 'port']` → `resources[0].port`; `[]` → `(root)`. */
export function formatIssuePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

/**
 * The one error ftkit throws, and only for programmer errors: a builder given a value drbdadm
 * would refuse, an edit of something that is not there, an unknown rule id or setting passed to
 * `lint`. User input (file text) never throws; it gives diagnostics. `code` is stable
 * (`<format>/<kebab-id>`), `path` names the offending field of the caller's input, and `issues`
 * lists every problem found when there are several (the first is `code`/`path`).
 */
export class FtkitError extends Error {
  override readonly name = 'FtkitError';
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly issues: readonly FtkitIssue[];

  constructor(
    code: string,
    message: string,
    options: { path?: readonly (string | number)[]; issues?: readonly FtkitIssue[]; cause?: unknown } = {},
  ) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.code = code;
    this.path = options.path ?? options.issues?.[0]?.path ?? [];
    this.issues = options.issues ?? [{ code, path: this.path, message }];
  }

  /** An error for a list of issues (at least one): the message lists each as `path: message`. */
  static fromIssues(issues: readonly FtkitIssue[], summary?: string): FtkitError {
    const first = issues[0] ?? { code: 'core/invalid-input', path: [], message: 'Invalid input' };
    const lines = issues.map((i) => `${formatIssuePath(i.path)}: ${i.message}`);
    const message =
      issues.length <= 1 && summary === undefined
        ? (lines[0] ?? first.message)
        : `${summary ?? `${issues.length} problems`}:\n${lines.map((l) => `  - ${l}`).join('\n')}`;
    return new FtkitError(first.code, message, {
      path: first.path,
      issues: issues.length ? issues : [first],
    });
  }
}

/**
 * Issues of a failed schema validation (zod's `error.issues`, or any list of `{ path, message }`)
 * as {@link FtkitIssue}s under one code, so that no raw validation error reaches users.
 */
export function issuesFromSchema(
  code: string,
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
  prefix: readonly (string | number)[] = [],
): FtkitIssue[] {
  return issues.map((i) => ({
    code,
    path: [...prefix, ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))],
    message: i.message,
  }));
}
