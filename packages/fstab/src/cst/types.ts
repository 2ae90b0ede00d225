import type { Span } from '@ftkit/core';

interface LineBase extends Span {
  /** The line's characters without its line feed. */
  readonly raw: string;
  /** `'\n'`, or `''` for a last line without a line feed. */
  readonly newline: '' | '\n';
}

/** An empty line, or one with only blanks (and a trailing CR, which libmount strips). */
export interface BlankLine extends LineBase {
  readonly type: 'blank';
}

/** A line whose first non-blank character is `#`. */
export interface CommentLine extends LineBase {
  readonly type: 'comment';
}

/** One whitespace-separated field of an entry. */
export interface Field extends Span {
  /** The field as written (octal escapes such as `\040` kept). */
  readonly raw: string;
  /** The field with `\NNN` octal escapes decoded, as libmount reads it. */
  readonly value: string;
}

/**
 * An entry line: `fs_spec fs_file fs_vfstype [fs_mntops [fs_freq [fs_passno]]]`. `fields` holds
 * every field written, including extra ones after the sixth (which libmount ignores).
 */
export interface EntryLine extends LineBase {
  readonly type: 'entry';
  readonly fields: readonly Field[];
}

/** One line of an fstab file. */
export type FstabLine = BlankLine | CommentLine | EntryLine;

/** The lossless syntax tree of an fstab file: its lines, in order. */
export interface FstabCst {
  readonly type: 'document';
  readonly lines: readonly FstabLine[];
  /** Length of the text the tree was built from. */
  readonly length: number;
}

/** The six fields by position (0-based). */
export const FIELD_NAMES = ['spec', 'file', 'vfstype', 'mntops', 'freq', 'passno'] as const;
