import { isTrivia, lex, type Token } from './lexer.js';
import type { BlockNode, DocumentNode, ItemNode, StatementNode } from './types.js';

interface Frame {
  readonly items: ItemNode[];
  /** The statement whose block this frame fills (undefined at the document level). */
  readonly owner: StatementNode | undefined;
  readonly block: BlockNode | undefined;
}

/**
 * Builds the lossless CST of a drbd.conf text. Never throws and never recurses: nesting is
 * tracked with an explicit stack, so a megabyte of `{` is just a deep tree. Syntax problems are
 * recorded on the nodes (`unterminated`, missing `close`, `stray` items) and turned into
 * diagnostics by the model layer, which knows where free-form `skip` content is allowed.
 */
export function parseCst(text: string): DocumentNode {
  const tokens = lex(text);
  const root: ItemNode[] = [];
  const stack: Frame[] = [{ items: root, owner: undefined, block: undefined }];
  let frame = stack[0]!;
  let stmt: StatementNode | undefined;
  let maxDepth = 0;
  const finish = (s: StatementNode, end: number) => {
    s.end = end;
  };
  for (const t of tokens) {
    if (isTrivia(t)) {
      if (stmt) stmt.parts.push(t);
      else {
        // consecutive trivia share one node: far fewer objects on large files
        const last = frame.items[frame.items.length - 1];
        if (last !== undefined && last.type === 'trivia') {
          last.tokens.push(t);
          last.end = t.end;
        } else frame.items.push({ type: 'trivia', tokens: [t], start: t.start, end: t.end });
      }
      continue;
    }
    switch (t.kind) {
      case ';':
        if (stmt) {
          stmt.semi = t;
          stmt.parts.push(t);
          finish(stmt, t.end);
          stmt = undefined;
        } else frame.items.push({ type: 'stray', token: t, start: t.start, end: t.end });
        break;
      case '{': {
        if (!stmt) {
          stmt = { type: 'statement', words: [], parts: [], start: t.start, end: t.end };
          frame.items.push(stmt);
        }
        const block: BlockNode = { type: 'block', open: t, items: [], start: t.start, end: t.end };
        stmt.block = block;
        stmt.parts.push(block);
        frame = { items: block.items, owner: stmt, block };
        stack.push(frame);
        if (stack.length - 1 > maxDepth) maxDepth = stack.length - 1;
        stmt = undefined;
        break;
      }
      case '}': {
        if (stmt) {
          stmt.unterminated = true;
          const last = stmt.words.at(-1) ?? stmt.parts[0];
          finish(stmt, stmt.parts.at(-1)?.end ?? last?.end ?? stmt.start);
          stmt = undefined;
        }
        if (stack.length > 1 && frame.block && frame.owner) {
          frame.block.close = t;
          frame.block.end = t.end;
          finish(frame.owner, t.end);
          stack.pop();
          frame = stack.at(-1)!;
        } else frame.items.push({ type: 'stray', token: t, start: t.start, end: t.end });
        break;
      }
      default:
        if (!stmt) {
          stmt = { type: 'statement', words: [], parts: [], start: t.start, end: t.end };
          frame.items.push(stmt);
        }
        stmt.words.push(t);
        stmt.parts.push(t);
        stmt.end = t.end;
    }
  }
  if (stmt) {
    stmt.unterminated = true;
    finish(stmt, stmt.parts.at(-1)?.end ?? stmt.start);
  }
  // Blocks left open at end of file: extend them (and their statements) to the end.
  for (let k = stack.length - 1; k >= 1; k--) {
    const f = stack[k]!;
    const lastItem = f.items.at(-1);
    const end = lastItem ? lastItem.end : f.block!.open.end;
    const inner = k + 1 < stack.length ? stack[k + 1]!.owner!.end : 0;
    f.block!.end = Math.max(end, inner, f.block!.end);
    f.owner!.end = f.block!.end;
  }
  return { type: 'document', items: root, start: 0, end: text.length, maxDepth };
}

/** Every token of the CST in source order, iteratively (no recursion, any depth). */
export function* tokensOf(node: DocumentNode | BlockNode | StatementNode | ItemNode): Generator<Token> {
  type Entry = { list: readonly (Token | BlockNode | ItemNode)[]; i: number };
  const start: (Token | BlockNode | ItemNode)[] =
    node.type === 'document' ? node.items : node.type === 'block' ? [node] : [node as ItemNode];
  const stack: Entry[] = [{ list: start, i: 0 }];
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    if (top.i >= top.list.length) {
      stack.pop();
      continue;
    }
    const x = top.list[top.i++]!;
    if (!('type' in x)) {
      yield x;
      continue;
    }
    switch (x.type) {
      case 'trivia':
        yield* x.tokens;
        break;
      case 'stray':
        yield x.token;
        break;
      case 'statement':
        stack.push({ list: x.parts, i: 0 });
        break;
      case 'block': {
        const list: (Token | ItemNode)[] = [x.open, ...x.items];
        if (x.close) list.push(x.close);
        stack.push({ list, i: 0 });
        break;
      }
    }
  }
}

/** Lossless printing: `print(parseCst(text)) === text` for every string. */
export function print(node: DocumentNode | BlockNode | StatementNode | ItemNode): string {
  const out: string[] = [];
  for (const t of tokensOf(node)) out.push(t.text);
  return out.join('');
}
