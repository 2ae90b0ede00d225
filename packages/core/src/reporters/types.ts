import type { Diagnostic } from '../diagnostic.js';

/** Everything a reporter gets for one file. */
export interface FileReport {
  /** The file as the user named it (relative or absolute path, or `-` for stdin). */
  readonly file: string;
  /**
   * The file's absolute path (POSIX separators), when it is a file; reporters that write paths
   * relative to `ReportOptions.base` (SARIF, github, junit, checkstyle) use it.
   */
  readonly path?: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The text, when code frames are wanted. */
  readonly text?: string;
}

/** What reporters know about rules, for help links and descriptions. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly url?: string;
  readonly defaultSeverity?: Diagnostic['severity'];
}

/** Options shared by reporters. */
export interface ReportOptions {
  /** ANSI colours (stylish only). Default `false`. */
  readonly color?: boolean;
  /** Show the source lines under each finding (stylish only; needs `FileReport.text`). */
  readonly codeFrame?: boolean;
  /** Rule metadata for SARIF's rule table and help URIs. */
  readonly rules?: readonly RuleInfo[];
  /**
   * Secret values (for example DRBD `shared-secret`s): every reporter redacts them from messages,
   * and code frames print them as `«redacted»`. Matching is by whole token (see `redactText`).
   */
  readonly secrets?: readonly string[];
  /**
   * Absolute directory paths are written relative to (SARIF `%SRCROOT%`, github, junit,
   * checkstyle): the repository root in CI. Without it, names are written as the reports carry them.
   */
  readonly base?: string;
  /**
   * How the user applies fixes (`--fix`), for stylish's "N problems can be fixed with …" line;
   * without it the line is left out (a command that cannot fix must not suggest it).
   */
  readonly fixHint?: string;
  /** Tool version recorded in SARIF. */
  readonly toolVersion?: string;
}

/** A reporter turns reports into the text written to stdout. */
export type Reporter = (reports: readonly FileReport[], options?: ReportOptions) => string;
