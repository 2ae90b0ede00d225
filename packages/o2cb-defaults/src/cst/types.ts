import type { Span } from '@ftkit/core';

/** A piece of source text with its 0-based offsets (end exclusive). */
export interface TextSpan extends Span {
  readonly text: string;
}

interface LineBase extends Span {
  /** The line's characters without its line feed (a CR before the LF stays here). */
  readonly raw: string;
  /** `'\n'`, or `''` for a last line without a line feed. */
  readonly newline: '' | '\n';
}

/** An empty or whitespace-only line. */
export interface BlankLine extends LineBase {
  readonly type: 'blank';
}

/** A line whose first non-blank character is `#`. */
export interface CommentLine extends LineBase {
  readonly type: 'comment';
}

/** How an assignment's value was written. `mixed` joins several quoted/unquoted pieces (`a"b c"`). */
export type Quoting = 'none' | 'single' | 'double' | 'mixed';

/** The value of an assignment: the raw shell word and what the shell makes of it. */
export interface AssignmentValue extends TextSpan {
  /** The value after quote removal, exactly as `sh` would set it. */
  readonly value: string;
  readonly quoting: Quoting;
}

/** `[export ]NAME=value [# comment]`, the statically evaluable subset of a shell line. */
export interface AssignmentLine extends LineBase {
  readonly type: 'assignment';
  /** The `export` keyword when present. */
  readonly exportKeyword?: TextSpan;
  readonly name: TextSpan;
  /** The value (an empty span right after `=` for `NAME=`). */
  readonly value: AssignmentValue;
  /** A trailing `# comment` (which the shell ignores). */
  readonly comment?: TextSpan;
}

/**
 * Why a line could not be read statically: `syntax` — the shell would fail or set nothing
 * (`NAME = value`, unterminated quote, `NAME=two words`); `nonliteral` — expansions (`$`,
 * backticks) that only running the file would resolve; `unsupported` — valid shell outside the
 * subset (commands, `;`, several assignments on a line, line continuations).
 */
export type RecoveryKind = 'syntax' | 'nonliteral' | 'unsupported';

/** A line outside the supported subset, kept verbatim; the parser reports it. */
export interface RecoveryLine extends LineBase {
  readonly type: 'recovery';
  readonly kind: RecoveryKind;
  /** The variable the line seems to assign, when it looks like an assignment. */
  readonly name?: TextSpan;
  /** A short plain-words reason, used in the parse diagnostic. */
  readonly reason: string;
  /** Where the problem is. */
  readonly problem: Span;
  /**
   * True for a shell syntax error (`NAME=true (comment)`, a quote never closed): bash's `.` stops
   * reading the file there and dash exits, so no line after it takes effect.
   */
  readonly fatal?: boolean;
}

/** One line of the file. */
export type O2cbLine = BlankLine | CommentLine | AssignmentLine | RecoveryLine;

/** The lossless syntax tree of an /etc/default/o2cb file: its lines, in order. */
export interface O2cbCst {
  readonly type: 'document';
  readonly lines: readonly O2cbLine[];
  /** Length of the text the tree was built from. */
  readonly length: number;
}
