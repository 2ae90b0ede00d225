import type { Span } from '@ftkit/core';

/**
 * What a token is. Every byte of the input belongs to exactly one token:
 * - `bom`: a leading U+FEFF;
 * - `indent`: the blanks (space/TAB) that start an attribute or indented line;
 * - `name`: a stanza header word (`cluster` in `cluster:`);
 * - `colon`: the `:` of a header;
 * - `space`: other blanks (around `=`, after `:`);
 * - `key`: an attribute key;
 * - `equals`: the `=` of an attribute;
 * - `value`: an attribute value as written (with trailing blanks and `\`-continuations);
 * - `comment`: a whole `#` line without its newline;
 * - `garbage`: text o2cb cannot read (the rest of a broken line);
 * - `newline`: `\n`, or `\r\n` (CRLF is kept as one token so broken files still parse into stanzas).
 */
export type TokenKind =
  | 'bom'
  | 'indent'
  | 'name'
  | 'colon'
  | 'space'
  | 'key'
  | 'equals'
  | 'value'
  | 'comment'
  | 'garbage'
  | 'newline';

/** A piece of source text. `start`/`end` are 0-based UTF-16 offsets, end exclusive. */
export interface Token extends Span {
  readonly kind: TokenKind;
  readonly text: string;
}

/** Fields every line node has. */
interface LineBase extends Span {
  /** Every token of the line in order, the newline (if any) last; `print` concatenates these. */
  readonly tokens: readonly Token[];
  /** The line break, absent on a last line without one. */
  readonly newline: Token | undefined;
}

/** `cluster:` — a stanza header (also broken ones such as `cluster :` or `node-x:`). */
export interface HeaderLine extends LineBase {
  readonly type: 'header';
  /** The stanza type word as written (`cluster`, `node`, `heartbeat`, or anything else). */
  readonly name: Token;
  readonly colon: Token | undefined;
  /** True when o2cb would read this header (IDENT word, `:` right after it, only blanks after). */
  readonly valid: boolean;
}

/** `⇥key = value` — an attribute (also a broken one such as `⇥name web`). */
export interface AttributeLine extends LineBase {
  readonly type: 'attribute';
  readonly indent: Token;
  readonly key: Token;
  readonly equals: Token | undefined;
  /** The raw value token; absent when the line has no `=` or nothing after it. */
  readonly value: Token | undefined;
  /**
   * The value as o2cb reads it: `\`+newline continuations become a newline, the value stops at a
   * NUL, and trailing blanks (space, TAB, CR, LF, FF, VT) are removed. `''` when there is none.
   */
  readonly valueText: string;
  /** True when o2cb would read this line (IDENT key, `=`). */
  readonly valid: boolean;
}

/** A `#` comment line; `indented` ones are fatal to o2cb. */
export interface CommentLine extends LineBase {
  readonly type: 'comment';
  readonly indented: boolean;
  /** The comment including `#`. */
  readonly comment: Token;
}

/** An empty or blank-only line. */
export interface BlankLine extends LineBase {
  readonly type: 'blank';
}

/** A line o2cb cannot read at all (`;x`, `[cluster]`, `⇥-x = 1` …). */
export interface InvalidLine extends LineBase {
  readonly type: 'invalid';
}

/** Any line. */
export type Line = HeaderLine | AttributeLine | CommentLine | BlankLine | InvalidLine;

/** A lines that may sit inside a stanza after its header. */
export type StanzaLine = AttributeLine | CommentLine | BlankLine | InvalidLine;

/**
 * A header and the lines that belong to it. Blank lines are only inside a stanza when indented
 * lines follow them (o2cb would refuse that file; the lenient parse keeps the stanza together).
 */
export interface Stanza extends Span {
  readonly type: 'stanza';
  readonly header: HeaderLine;
  readonly lines: readonly StanzaLine[];
}

/** One item at the top of the document. */
export type TopItem = Stanza | CommentLine | BlankLine | InvalidLine | AttributeLine;

/** A syntax problem found while building the CST (o2cb refuses files with any of these). */
export interface SyntaxProblem extends Span {
  readonly code: string;
  readonly message: string;
  readonly expected?: readonly string[];
  readonly actual?: string;
  readonly note?: string;
  /** On the `ocfs2/too-many-problems` summary only: how many problems it stands for. */
  readonly count?: number;
}

/** The lossless tree of a cluster.conf. `print(doc) === text`. */
export interface Document extends Span {
  readonly type: 'document';
  /** A leading byte-order mark, kept so printing is lossless. */
  readonly bom: Token | undefined;
  readonly items: readonly TopItem[];
  /** Syntax problems in offset order. */
  readonly problems: readonly SyntaxProblem[];
  /** The text the tree was built from. */
  readonly text: string;
}
