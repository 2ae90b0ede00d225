/**
 * Codes of the diagnostics `parse` itself produces (lint rules use their rule id as code).
 * - `o2cb/shell-syntax` (error): the shell would fail on the line or set nothing (`NAME = value`,
 *   unterminated quote, `NAME=two words`); the Debian config script aborts on it. A syntax
 *   error proper (`NAME=true (comment)`, a quote never closed) stops bash's `.` there: nothing
 *   after it is set, and it is the last diagnostic of the file.
 * - `o2cb/nonliteral-value` (warning): `$…` or backticks; only running the file as root resolves them.
 * - `o2cb/unsupported-line` (warning): valid shell outside the readable subset (commands, `;`, several
 *   assignments on one line, continuations); its effect is unknown to ftkit.
 * - `o2cb/drift` (error, from `checkDrift` across nodes): threshold, idle timeout or keepalive
 *   delay in effect differ between nodes, which then refuse to talk to each other.
 * - `o2cb/too-many-problems` (worst dropped): more than 1000 in one file; the rest are counted in it.
 */
export type O2cbDefaultsErrorCode =
  | 'o2cb/shell-syntax'
  | 'o2cb/nonliteral-value'
  | 'o2cb/unsupported-line'
  | 'o2cb/drift'
  | 'o2cb/too-many-problems';

/** The package name recorded as `source` on every diagnostic. */
export const SOURCE = '@ftkit/o2cb-defaults';

/** Documentation of every parse diagnostic code, for the docs table and tooling. */
export const PARSE_CODES: Readonly<Record<O2cbDefaultsErrorCode, string>> = {
  'o2cb/shell-syntax': 'The shell fails on the line or does not set the variable',
  'o2cb/nonliteral-value': 'The value uses `$` or backticks, so it can only be known by running the file',
  'o2cb/unsupported-line':
    'Valid shell that is not a plain assignment or comment; its effect is not evaluated',
  'o2cb/drift': 'Heartbeat threshold, idle timeout or keepalive delay in effect differ between nodes',
  'o2cb/too-many-problems':
    'More than 1000 problems in one file (`MAX_DIAGNOSTICS`): the rest are counted in this one',
};
