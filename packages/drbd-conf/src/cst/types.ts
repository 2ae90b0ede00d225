import type { Token } from './lexer.js';

/**
 * A statement: significant tokens (`words`) ended by `;` or by a `{ … }` block. Every drbd.conf
 * construct has this shape (`resource r0 { … }`, `address 10.1.1.31:7789;`, `host alice address
 * 10.1.1.31:7789 via proxy on alice { … }`), so the CST is grammar-agnostic and the same for DRBD
 * 8.4 and 9; the model layer interprets statements per version.
 */
export interface StatementNode {
  readonly type: 'statement';
  /** Significant tokens before the terminator, in order (trivia excluded). */
  readonly words: readonly Token[];
  /** Everything in source order: words, trivia between them, then `semi` or `block`. */
  readonly parts: (Token | BlockNode)[];
  /** The terminating `;` when the statement has one. */
  readonly semi?: Token;
  /** The block that ends the statement. */
  readonly block?: BlockNode;
  start: number;
  end: number;
  /** True when neither `;` nor a block ended the statement (a syntax error). */
  unterminated?: boolean;
}

/** `{ items }`. `close` is missing when the file ended first (a syntax error). */
export interface BlockNode {
  readonly type: 'block';
  readonly open: Token;
  readonly items: ItemNode[];
  readonly close?: Token;
  readonly start: number;
  end: number;
}

/** A token that cannot start or continue a statement here: a stray `}` or an empty `;`. */
export interface StrayNode {
  readonly type: 'stray';
  readonly token: Token;
  readonly start: number;
  readonly end: number;
}

/** A run of trivia (spaces, newlines, comments) between statements, in source order. */
export interface TriviaNode {
  readonly type: 'trivia';
  readonly tokens: Token[];
  readonly start: number;
  end: number;
}

/** What a block or the file contains. */
export type ItemNode = StatementNode | StrayNode | TriviaNode;

/** The root: every byte of the text belongs to exactly one item (recursively). */
export interface DocumentNode {
  readonly type: 'document';
  readonly items: ItemNode[];
  readonly start: 0;
  readonly end: number;
  /** Deepest block nesting seen (the model layer refuses to interpret absurd depths). */
  readonly maxDepth: number;
}

export type { Token };
