/**
 * Codes of the diagnostics `parse` itself produces (lint rules use their rule id as code).
 * - `SHELL_SYNTAX` (error): the shell would fail on the line or set nothing (`NAME = value`,
 *   unterminated quote, `NAME=two words`); the Debian config script aborts on it. A syntax
 *   error proper (`NAME=true (comment)`, a quote never closed) stops bash's `.` there: nothing
 *   after it is set, and it is the last diagnostic of the file.
 * - `NONLITERAL_VALUE` (warning): `$…` or backticks; only running the file as root resolves them.
 * - `UNSUPPORTED_LINE` (warning): valid shell outside the readable subset (commands, `;`, several
 *   assignments on one line, continuations); its effect is unknown to ftkit.
 * - `O2CB_DRIFT` (error, from `checkDrift` across nodes): threshold, idle timeout or keepalive
 *   delay in effect differ between nodes, which then refuse to talk to each other.
 * - `TOO_MANY_PROBLEMS` (worst dropped): more than 1000 in one file; the rest are counted in it.
 */
export type O2cbDefaultsErrorCode =
  | 'SHELL_SYNTAX'
  | 'NONLITERAL_VALUE'
  | 'UNSUPPORTED_LINE'
  | 'O2CB_DRIFT'
  | 'TOO_MANY_PROBLEMS';

/** The package name recorded as `source` on every diagnostic. */
export const SOURCE = '@ftkit/o2cb-defaults';

/** Documentation of every parse diagnostic code, for the docs table and tooling. */
export const PARSE_CODES: Readonly<Record<O2cbDefaultsErrorCode, string>> = {
  SHELL_SYNTAX: 'The shell fails on the line or does not set the variable',
  NONLITERAL_VALUE: 'The value uses `$` or backticks, so it can only be known by running the file',
  UNSUPPORTED_LINE: 'Valid shell that is not a plain assignment or comment; its effect is not evaluated',
  O2CB_DRIFT: 'Heartbeat threshold, idle timeout or keepalive delay in effect differ between nodes',
  TOO_MANY_PROBLEMS:
    'More than 1000 problems in one file (`MAX_DIAGNOSTICS`): the rest are counted in this one',
};
