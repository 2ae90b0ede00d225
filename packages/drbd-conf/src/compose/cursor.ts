import { shortenText } from '@ftkit/core';
import type { Token } from '../cst/lexer.js';
import type { StatementNode } from '../cst/types.js';

/** A span from `a`'s start to `b`'s end (0-based offsets, end exclusive). */
export const spanOf = (a: { start: number; end: number }, b: { end: number } = a) => ({
  start: a.start,
  end: b.end,
});

/** A token as messages quote it: `` `text` `` (long texts shortened), or "end of statement". */
export const describe = (t: Token | undefined): string => {
  if (!t) return 'end of statement';
  if (t.kind === ';') return '`;`';
  return `\`${shortenText(t.text, { max: 40, keep: 37, ellipsis: '...' })}\``;
};

/** Reads a statement's words left to right. */
export class Cursor {
  readonly words: readonly Token[];
  /** Index of the next word (0-based). */
  i = 0;
  readonly stmt: StatementNode;
  constructor(stmt: StatementNode) {
    this.stmt = stmt;
    this.words = stmt.words;
  }
  /** The word `k` places after the next one, without moving. */
  peek(k = 0): Token | undefined {
    return this.words[this.i + k];
  }
  /** The next word, moving past it. */
  next(): Token | undefined {
    return this.words[this.i++];
  }
  /** Whether every word was read. */
  get done(): boolean {
    return this.i >= this.words.length;
  }
  /** Where "found …" points when nothing is left: the terminator or the end of the statement. */
  endSpan(): { start: number; end: number } {
    if (this.stmt.semi) return spanOf(this.stmt.semi);
    if (this.stmt.block) return spanOf(this.stmt.block.open);
    return { start: this.stmt.end, end: this.stmt.end };
  }
  /** What "found …" names: the next word, else the `;` or `{` that ends the statement. */
  foundToken(): Token | undefined {
    return this.peek() ?? this.stmt.semi ?? this.stmt.block?.open;
  }
}
