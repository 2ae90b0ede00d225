import { didYouMean, nearestCandidates } from '@ftkit/core';
import { type Token, unquote } from '../cst/lexer.js';
import { contentOf } from '../cst/parse-cst.js';
import type { BlockNode, ItemNode, StatementNode } from '../cst/types.js';
import { CODES } from '../diagnostics.js';
import { HOST_KEYWORDS, KEYWORDS, RESOURCE_KEYWORDS, TOP_KEYWORDS } from '../model/keywords.js';
import { type DrbdVersion, sectionsKnowing } from '../model/options.js';
import { type ComposeContext, err, warn } from './context.js';
import { type Cursor, describe, spanOf } from './cursor.js';

/**
 * DRBD 0.7 statements that no drbdadm reads any more, with what replaced them (real 0.7-era
 * configurations are still copied around).
 */
export const DRBD_07: Readonly<Record<string, string>> = {
  'incon-degr-cmd': 'DRBD 0.7 syntax: since 8.0 write `handlers { pri-on-incon-degr "…"; }`',
  'on-disconnect': 'DRBD 0.7 syntax that no drbdadm since 8.0 reads: DRBD reconnects by itself',
  group: 'DRBD 0.7 syntax: since 8.0 order resyncs with `after RESOURCE;` (8.4 and 9: `resync-after`)',
};

/** Keywords an unknown-keyword message lists at most (the nearest ones when there are more). */
const MAX_LISTED = 6;

/** `` `a` ``, `` `a` or `b` ``, `` `a`, `b` or `c` ``: keywords as messages list them. */
export const list = (xs: readonly string[]): string =>
  xs.length <= 1
    ? `\`${xs[0] ?? ''}\``
    : `${xs
        .slice(0, -1)
        .map((x) => `\`${x}\``)
        .join(', ')} or \`${xs.at(-1)}\``;

/**
 * Reports `Expected WHAT, found …` (a syntax error) at `found`, by default the cursor's next word
 * or the statement's terminator; when there is none, at the end of the statement.
 */
export function expected(
  ctx: ComposeContext,
  c: Cursor,
  what: string,
  found: Token | undefined = c.foundToken(),
  note?: string,
): void {
  err(
    ctx,
    CODES.syntax,
    `Expected ${what}, found ${describe(found)}`,
    found ? spanOf(found) : c.endSpan(),
    note,
  );
}

/** An 8.4 construct drbdadm-83 rejects. */
export function reportNot83(ctx: ComposeContext, t: Token, where: string) {
  err(
    ctx,
    CODES.version,
    `Unexpected \`${t.text}\` in ${where}: DRBD 8.3 does not have it`,
    spanOf(t),
    `\`${t.text}\` exists only in DRBD 8.4 and 9`,
  );
}

/** Reports syntax problems of a statement itself (lexical errors, missing `;`). */
export function stmtSyntax(ctx: ComposeContext, s: StatementNode): boolean {
  let ok = true;
  for (const t of s.words) {
    if (t.kind === 'bad') {
      reportLexError(ctx, t);
      ok = false;
    }
  }
  if (s.unterminated) {
    const after = s.end;
    const found = ctx.text[after] === '}' ? '`}`' : 'end of file';
    err(ctx, CODES.syntax, `Expected \`;\`, found ${found}`, {
      start: after,
      end: after + (found === '`}`' ? 1 : 0),
    });
    ok = false;
  }
  return ok;
}

/** Reports a lexical error token (unterminated or too long string, too long word). */
export function reportLexError(ctx: ComposeContext, t: Token) {
  if (t.error === 'unterminated-string')
    err(
      ctx,
      CODES.lexical,
      'Unterminated double-quoted string: a string must end on the same line',
      spanOf(t),
    );
  else if (t.error === 'string-too-long')
    err(ctx, CODES.lexical, 'Double-quoted string too long: at most 255 characters are allowed', spanOf(t));
  else err(ctx, CODES.lexical, 'Token too long: a bare word has at most 128 characters', spanOf(t));
}

/** Reports a stray `;` or `}` (a CST stray node). */
export function reportStray(ctx: ComposeContext, item: ItemNode) {
  if (item.type !== 'stray') return;
  if (item.token.kind === ';')
    err(
      ctx,
      CODES.syntax,
      'Unexpected `;`: an empty statement is not allowed',
      spanOf(item.token),
      'A block `{ … }` is not followed by `;`',
    );
  else err(ctx, CODES.syntax, 'Unexpected `}` without a matching `{`', spanOf(item.token));
}

/**
 * Checks a block for a missing `}` and returns its statements (reporting strays). `atEof` names
 * a top-level section (`resource`, `common`) that drbdadm closes silently at the end of the
 * file: its statement loop simply ends there, so a missing `}` is only a warning.
 */
export function blockStatements(ctx: ComposeContext, block: BlockNode, atEof?: string): StatementNode[] {
  if (!block.close) {
    const end = { start: ctx.text.length, end: ctx.text.length };
    if (atEof !== undefined)
      warn(
        ctx,
        CODES.unclosed,
        `Missing \`}\` at end of file: the \`${atEof}\` section is still open`,
        end,
        'drbdadm closes it here; add `}` so that nothing appended to the file lands inside it',
      );
    else
      err(
        ctx,
        CODES.syntax,
        'Expected `}`, found end of file',
        end,
        'This block was opened here and never closed',
      );
  }
  // contentOf made a new array: keep its statements in place instead of copying them
  const items = contentOf(block);
  let n = 0;
  for (const it of items) {
    if (it.type === 'statement') {
      // A block without a keyword in front (`{ … }`) cannot be anything: report it once and
      // do not descend, so callers only ever see statements with a head word.
      if (it.words.length === 0)
        err(ctx, CODES.syntax, 'Expected a keyword, found `{`', spanOf(it.block?.open ?? it));
      else items[n++] = it;
    } else reportStray(ctx, it);
  }
  items.length = n;
  return items as StatementNode[];
}

/** Lexical checks only (skip blocks): content is lexed but not parsed. Iterative. */
export function skipContent(ctx: ComposeContext, s: StatementNode) {
  const stack: (BlockNode | StatementNode)[] = [s];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'statement') {
      for (const t of n.words) if (t.kind === 'bad') reportLexError(ctx, t);
      if (n.block) stack.push(n.block);
    } else {
      if (!n.close && n === s.block)
        err(
          ctx,
          CODES.syntax,
          'Expected `}`, found end of file: reached the end of the file inside this `skip` block',
          spanOf(s.words[0] ?? s),
        );
      for (const it of contentOf(n)) if (it.type === 'statement') stack.push(it);
    }
  }
}

/** Expects exactly a `;` terminator after the cursor. */
export function expectEnd(ctx: ComposeContext, c: Cursor, what = '`;`'): boolean {
  const t = c.peek();
  if (t !== undefined) {
    err(ctx, CODES.syntax, `Expected ${what}, found ${describe(t)}`, spanOf(t));
    return false;
  }
  if (c.stmt.block) {
    err(ctx, CODES.syntax, `Expected ${what}, found \`{\``, spanOf(c.stmt.block.open));
    return false;
  }
  return !c.stmt.unterminated;
}

/** Expects the statement to end with a block (no `;`). */
export function expectBlock(ctx: ComposeContext, c: Cursor): BlockNode | undefined {
  const t = c.peek();
  if (t !== undefined) {
    err(ctx, CODES.syntax, `Expected \`{\`, found ${describe(t)}`, spanOf(t));
    return undefined;
  }
  if (!c.stmt.block) {
    if (c.stmt.semi) err(ctx, CODES.syntax, 'Expected `{`, found `;`', spanOf(c.stmt.semi));
    return undefined;
  }
  return c.stmt.block;
}

/** A name (resource, host): a bare word that is not a keyword, or a quoted string. */
export function readName(
  ctx: ComposeContext,
  c: Cursor,
  what: string,
): { value: string; token: Token } | undefined {
  const t = c.next();
  if (!t) {
    expected(ctx, c, what);
    return undefined;
  }
  if (t.kind === 'string') return { value: unquote(t), token: t };
  const wordLike = t.kind === 'word' || (ctx.v === '8.4' && t.kind === 'kmodvers');
  if (wordLike && !KEYWORDS[ctx.v].has(t.text)) return { value: t.text, token: t };
  if (t.kind === 'bad') {
    reportLexError(ctx, t);
    return undefined;
  }
  const why =
    t.kind === 'word'
      ? 'it is a keyword'
      : t.kind === 'int'
        ? 'it reads as a number'
        : t.kind === 'ipv4'
          ? 'it reads as an IPv4 address'
          : t.kind === 'kmodvers'
            ? 'DRBD 9 reads `N.N.N` as a version number'
            : 'it is not a word';
  err(
    ctx,
    CODES.syntax,
    `Expected ${what}, found ${describe(t)}`,
    spanOf(t),
    `Quote the name (\`"${t.text}"\`): ${why}`,
  );
  return undefined;
}

/**
 * Reports an unknown keyword in `where`, listing the nearest `allowed` keywords and the likely
 * cause.
 */
export function reportUnknownKeyword(
  ctx: ComposeContext,
  t: Token,
  allowed: readonly string[],
  where: string,
) {
  const hint = t.kind === 'word' ? didYouMean(t.text, allowed) : undefined;
  const sections = t.kind === 'word' ? sectionsKnowing(ctx.v, t.text) : [];
  const other: DrbdVersion = ctx.v === '9' ? '8.4' : '9';
  const otherOnly =
    t.kind === 'word' &&
    [...TOP_KEYWORDS[other], ...RESOURCE_KEYWORDS[other], ...HOST_KEYWORDS[other]].includes(t.text) &&
    ![...TOP_KEYWORDS[ctx.v], ...RESOURCE_KEYWORDS[ctx.v], ...HOST_KEYWORDS[ctx.v]].includes(t.text);
  const note = Object.hasOwn(DRBD_07, t.text)
    ? DRBD_07[t.text]
    : otherOnly
      ? `\`${t.text}\` exists only in DRBD ${other}`
      : hint !== undefined
        ? `Did you mean \`${hint}\`?`
        : sections.length > 0
          ? `\`${t.text}\` is an option: put it inside ${list(sections.map((s) => `${s} { }`))}`
          : undefined;
  // a long list helps nobody: name the few nearest to what was written, then `…`
  const expected =
    allowed.length <= MAX_LISTED
      ? list(allowed)
      : `one of ${nearestCandidates(t.text, allowed, MAX_LISTED - 1)
          .map((k) => `\`${k}\``)
          .join(', ')}, …`;
  err(ctx, CODES.unknownKeyword, `Expected ${expected} in ${where}, found ${describe(t)}`, spanOf(t), note);
}
