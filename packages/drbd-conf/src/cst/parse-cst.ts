import {
  K_FIRST_SIGNIFICANT,
  K_LBRACE,
  K_RBRACE,
  K_SEMI,
  scan,
  type Token,
  type TokenStore,
  tokenAt,
  tokensIn,
} from './lexer.js';
import type { BlockNode, DocumentNode, ItemNode, StatementNode, StrayNode, TriviaNode } from './types.js';

// The CST is kept as index records over the token store (typed arrays), and node objects are
// views made on demand. A profile of the former object-per-token CST (plus statement, part and
// trivia arrays) showed most of the time in the garbage collector copying objects that survive.
//
// Record `r` is a statement or a stray token at the level of a block or of the document:
//   kind      R_STATEMENT or R_STRAY
//   first     first token (a stray's only token)
//   stop      after the statement's own tokens: after its `;`, at its block's `{`, or where it
//             stopped (a `}` or the end of the file; trailing trivia are its own)
//   semi      its `;` or -1
//   open      its block's `{` or -1;  close: that block's `}` or -1 (still open at end of file)
//   child     first record inside its block, or -1;  next: next record at the same level, or -1
// Trivia between records are not stored: they are the tokens in the gaps.

const R_STATEMENT = 0;
const R_STRAY = 1;

/** The CST of one text as records (see above); shared by all views. */
class CstData {
  readonly store: TokenStore;
  count = 0;
  kind: Uint8Array;
  first: Int32Array;
  stop: Int32Array;
  semi: Int32Array;
  open: Int32Array;
  close: Int32Array;
  child: Int32Array;
  next: Int32Array;
  constructor(store: TokenStore) {
    this.store = store;
    // about one record per four tokens in real files; grown when needed
    const cap = (store.count >> 2) + 16;
    this.kind = new Uint8Array(cap);
    this.first = new Int32Array(cap);
    this.stop = new Int32Array(cap);
    this.semi = new Int32Array(cap);
    this.open = new Int32Array(cap);
    this.close = new Int32Array(cap);
    this.child = new Int32Array(cap);
    this.next = new Int32Array(cap);
  }
  add(kind: number, first: number): number {
    if (this.count === this.kind.length) this.grow();
    const r = this.count++;
    this.kind[r] = kind;
    this.first[r] = first;
    this.stop[r] = first + 1;
    this.semi[r] = -1;
    this.open[r] = -1;
    this.close[r] = -1;
    this.child[r] = -1;
    this.next[r] = -1;
    return r;
  }
  private grow() {
    const cap = this.kind.length * 2;
    const g = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.kind = g(this.kind, (n) => new Uint8Array(n));
    const i32 = (n: number) => new Int32Array(n);
    this.first = g(this.first, i32);
    this.stop = g(this.stop, i32);
    this.semi = g(this.semi, i32);
    this.open = g(this.open, i32);
    this.close = g(this.close, i32);
    this.child = g(this.child, i32);
    this.next = g(this.next, i32);
  }
  /** Token index after record `r` (its block's `}`, or the end of the file for an open block). */
  tokenEnd(r: number): number {
    if (this.open[r]! < 0) return this.stop[r]!;
    const c = this.close[r]!;
    return c >= 0 ? c + 1 : this.store.count;
  }
}

/** Non-trivia tokens of `store` in `[from, to)`. */
function significant(store: TokenStore, from: number, to: number): Token[] {
  // counted first so the array is made at its final size (growing it by `push` allocates more)
  const kinds = store.kinds;
  let n = 0;
  for (let i = from; i < to; i++) if (kinds[i]! >= K_FIRST_SIGNIFICANT) n++;
  const out = new Array<Token>(n);
  n = 0;
  for (let i = from; i < to; i++) if (kinds[i]! >= K_FIRST_SIGNIFICANT) out[n++] = tokenAt(store, i);
  return out;
}

class Statement implements StatementNode {
  readonly type = 'statement' as const;
  readonly data: CstData;
  readonly r: number;
  readonly start: number;
  readonly end: number;
  private cachedWords: Token[] | undefined = undefined;
  private cachedBlock: Block | undefined = undefined;
  constructor(data: CstData, r: number) {
    this.data = data;
    this.r = r;
    const starts = data.store.starts;
    this.start = starts[data.first[r]!]!;
    this.end = starts[data.tokenEnd(r)]!;
  }
  get unterminated(): boolean {
    return this.data.semi[this.r]! < 0 && this.data.open[this.r]! < 0;
  }
  get words(): Token[] {
    if (this.cachedWords === undefined) this.cachedWords = readWordsOf(this.data, this.r);
    return this.cachedWords;
  }
  get parts(): (Token | BlockNode)[] {
    const { store, first, stop } = this.data;
    const out: (Token | BlockNode)[] = tokensIn(store, first[this.r]!, stop[this.r]!);
    const b = this.block;
    if (b) out.push(b);
    return out;
  }
  get semi(): Token | undefined {
    const i = this.data.semi[this.r]!;
    return i >= 0 ? tokenAt(this.data.store, i) : undefined;
  }
  get block(): Block | undefined {
    if (this.cachedBlock === undefined && this.data.open[this.r]! >= 0)
      this.cachedBlock = new Block(this.data, this.r, this.end);
    return this.cachedBlock;
  }
}

function readWordsOf(data: CstData, r: number): Token[] {
  const semi = data.semi[r]!;
  return significant(data.store, data.first[r]!, semi >= 0 ? semi : data.stop[r]!);
}

class Block implements BlockNode {
  readonly type = 'block' as const;
  readonly data: CstData;
  /** The record of the statement this block ends. */
  readonly r: number;
  readonly start: number;
  readonly end: number;
  private cachedItems: ItemNode[] | undefined = undefined;
  constructor(data: CstData, r: number, end: number) {
    this.data = data;
    this.r = r;
    this.start = data.store.starts[data.open[r]!]!;
    this.end = end;
  }
  get open(): Token {
    return tokenAt(this.data.store, this.data.open[this.r]!);
  }
  get close(): Token | undefined {
    const i = this.data.close[this.r]!;
    return i >= 0 ? tokenAt(this.data.store, i) : undefined;
  }
  get items(): ItemNode[] {
    if (this.cachedItems === undefined) {
      const close = this.data.close[this.r]!;
      this.cachedItems = itemsOf(
        this.data,
        this.data.child[this.r]!,
        this.data.open[this.r]! + 1,
        close >= 0 ? close : this.data.store.count,
      );
    }
    return this.cachedItems;
  }
}

class Trivia implements TriviaNode {
  readonly type = 'trivia' as const;
  readonly store: TokenStore;
  readonly first: number;
  readonly stop: number;
  readonly start: number;
  readonly end: number;
  constructor(store: TokenStore, first: number, stop: number) {
    this.store = store;
    this.first = first;
    this.stop = stop;
    this.start = store.starts[first]!;
    this.end = store.starts[stop]!;
  }
  get tokens(): Token[] {
    return tokensIn(this.store, this.first, this.stop);
  }
}

class Stray implements StrayNode {
  readonly type = 'stray' as const;
  readonly data: CstData;
  readonly r: number;
  readonly start: number;
  readonly end: number;
  constructor(data: CstData, r: number) {
    this.data = data;
    this.r = r;
    const at = data.first[r]!;
    this.start = data.store.starts[at]!;
    this.end = data.store.starts[at + 1]!;
  }
  get token(): Token {
    return tokenAt(this.data.store, this.data.first[this.r]!);
  }
}

class Document implements DocumentNode {
  readonly type = 'document' as const;
  readonly data: CstData;
  /** First top-level record, or -1. */
  readonly head: number;
  readonly start = 0 as const;
  readonly end: number;
  readonly maxDepth: number;
  private cachedItems: ItemNode[] | undefined = undefined;
  constructor(data: CstData, head: number, maxDepth: number) {
    this.data = data;
    this.head = head;
    this.end = data.store.text.length;
    this.maxDepth = maxDepth;
  }
  get items(): ItemNode[] {
    this.cachedItems ??= itemsOf(this.data, this.head, 0, this.data.store.count);
    return this.cachedItems;
  }
}

const view = (data: CstData, r: number): Statement | Stray =>
  data.kind[r] === R_STATEMENT ? new Statement(data, r) : new Stray(data, r);

/** The items of one level (records from `head` on, tokens `[from, to)`), trivia included. */
function itemsOf(data: CstData, head: number, from: number, to: number): ItemNode[] {
  const out: ItemNode[] = [];
  let at = from;
  for (let r = head; r >= 0; r = data.next[r]!) {
    const first = data.first[r]!;
    if (first > at) out.push(new Trivia(data.store, at, first));
    out.push(view(data, r));
    at = data.tokenEnd(r);
  }
  if (to > at) out.push(new Trivia(data.store, at, to));
  return out;
}

/**
 * The statements and stray tokens of a document or block, without trivia, as new views that
 * nothing keeps: the model pass walks these, so a large file's CST does not turn into a tree
 * of long-lived objects. Public `items` are made (and kept) only when someone asks for them.
 */
export function contentOf(node: DocumentNode | BlockNode): (StatementNode | StrayNode)[] {
  let head: number;
  let data: CstData;
  if (node instanceof Document) {
    data = node.data;
    head = node.head;
  } else if (node instanceof Block) {
    data = node.data;
    head = data.child[node.r]!;
  } else return node.items.filter((it) => it.type !== 'trivia');
  let n = 0;
  for (let r = head; r >= 0; r = data.next[r]!) n++;
  const out = new Array<Statement | Stray>(n);
  n = 0;
  for (let r = head; r >= 0; r = data.next[r]!) out[n++] = view(data, r);
  return out;
}

/**
 * Links record `r` after the last record of the innermost open level (`owners`: open blocks'
 * statements; `lasts[d]`: last record at depth `d`). True when `r` is the document's first.
 */
function link(data: CstData, owners: readonly number[], lasts: number[], r: number): boolean {
  const depth = owners.length;
  const last = lasts[depth]!;
  lasts[depth] = r;
  if (last >= 0) data.next[last] = r;
  else if (depth > 0) data.child[owners[depth - 1]!] = r;
  else return true;
  return false;
}

/**
 * Builds the lossless CST of a drbd.conf text. Never throws and never recurses: nesting is
 * tracked with an explicit stack, so a megabyte of `{` is just a deep tree. Syntax problems are
 * recorded on the nodes (`unterminated`, missing `close`, `stray` items) and turned into
 * diagnostics by the model layer, which knows where free-form `skip` content is allowed.
 */
export function parseCst(text: string): DocumentNode {
  const store = scan(text);
  const { kinds, count } = store;
  const data = new CstData(store);
  // Open blocks (their statements' records), innermost last, and the last record of each
  // level (index 0: the document), for linking siblings.
  const owners: number[] = [];
  const lasts: number[] = [-1];
  let head = -1;
  let stmt = -1;
  let maxDepth = 0;
  // kinds as locals: under a module runner (vitest) every imported binding read is a call
  const SIGNIFICANT = K_FIRST_SIGNIFICANT;
  const SEMI = K_SEMI;
  const LBRACE = K_LBRACE;
  const RBRACE = K_RBRACE;
  for (let i = 0; i < count; i++) {
    const k = kinds[i]!;
    // Trivia inside a statement are part of its token range; between records they are gaps.
    if (k < SIGNIFICANT) continue;
    if (k === SEMI) {
      if (stmt >= 0) {
        data.semi[stmt] = i;
        data.stop[stmt] = i + 1;
        stmt = -1;
      } else if (link(data, owners, lasts, data.add(R_STRAY, i))) head = data.count - 1;
    } else if (k === LBRACE) {
      if (stmt < 0) {
        stmt = data.add(R_STATEMENT, i);
        if (link(data, owners, lasts, stmt)) head = stmt;
      }
      data.stop[stmt] = i;
      data.open[stmt] = i;
      owners.push(stmt);
      lasts.push(-1);
      if (owners.length > maxDepth) maxDepth = owners.length;
      stmt = -1;
    } else if (k === RBRACE) {
      if (stmt >= 0) {
        // its tokens run up to this `}`, trailing trivia included
        data.stop[stmt] = i;
        stmt = -1;
      }
      if (owners.length > 0) {
        data.close[owners.pop()!] = i;
        lasts.pop();
      } else if (link(data, owners, lasts, data.add(R_STRAY, i))) head = data.count - 1;
    } else if (stmt < 0) {
      stmt = data.add(R_STATEMENT, i);
      if (link(data, owners, lasts, stmt)) head = stmt;
    }
  }
  // A statement still open at the end of the file runs to the end.
  if (stmt >= 0) data.stop[stmt] = count;
  return new Document(data, head, maxDepth);
}

type Node = DocumentNode | BlockNode | StatementNode | ItemNode;

/**
 * Walks a node in source order without recursion (any depth), calling `range(store, from, to)`
 * for each run of consecutive tokens `[from, to)` that belongs to it. Works on the records, so
 * no node objects are made.
 */
function walkRanges(node: Node, range: (store: TokenStore, from: number, to: number) => void): void {
  if (node instanceof Trivia) {
    range(node.store, node.first, node.stop);
    return;
  }
  let data: CstData;
  // Work list of levels: records from `r` on, with the token where the level's gap starts, the
  // token where the level ends, and the `}` (or -1) to print after it.
  const levels: { r: number; at: number; to: number; close: number; single: boolean }[] = [];
  if (node instanceof Document) {
    data = node.data;
    levels.push({ r: node.head, at: 0, to: data.store.count, close: -1, single: false });
  } else if (node instanceof Block) {
    data = node.data;
    const c = data.close[node.r]!;
    range(data.store, data.open[node.r]!, data.open[node.r]! + 1);
    levels.push({
      r: data.child[node.r]!,
      at: data.open[node.r]! + 1,
      to: c >= 0 ? c : data.store.count,
      close: c,
      single: false,
    });
  } else if (node instanceof Statement || node instanceof Stray) {
    data = node.data;
    const first = data.first[node.r]!;
    levels.push({ r: node.r, at: first, to: first, close: -1, single: true });
  } else throw new TypeError(`Not a node of parseCst: ${(node as { type?: unknown }).type}`);
  const { store } = data;
  while (levels.length > 0) {
    const lv = levels[levels.length - 1]!;
    const r = lv.r;
    if (r < 0) {
      if (lv.to > lv.at) range(store, lv.at, lv.to);
      if (lv.close >= 0) range(store, lv.close, lv.close + 1);
      levels.pop();
      continue;
    }
    const first = data.first[r]!;
    if (first > lv.at) range(store, lv.at, first);
    lv.r = lv.single ? -1 : data.next[r]!;
    lv.at = data.tokenEnd(r);
    if (lv.single) lv.to = lv.at;
    if (data.kind[r] === R_STRAY) {
      range(store, first, first + 1);
      continue;
    }
    if (data.stop[r]! > first) range(store, first, data.stop[r]!);
    const open = data.open[r]!;
    if (open >= 0) {
      range(store, open, open + 1);
      const c = data.close[r]!;
      // The block's own level; for a single statement the gap bookkeeping of `lv` is done.
      if (lv.single) lv.to = lv.at = c >= 0 ? c + 1 : store.count;
      levels.push({ r: data.child[r]!, at: open + 1, to: c >= 0 ? c : store.count, close: c, single: false });
    }
  }
}

const isView = (node: Node): boolean =>
  node instanceof Document ||
  node instanceof Block ||
  node instanceof Statement ||
  node instanceof Trivia ||
  node instanceof Stray;

/** Tokens of a node that is not a `parseCst` view, from its public fields, iteratively. */
function* publicTokens(node: Node): Generator<Token> {
  type Entry = { list: readonly (Token | BlockNode | ItemNode)[]; i: number };
  const start: (Token | BlockNode | ItemNode)[] =
    node.type === 'document' ? node.items : node.type === 'block' ? [node] : [node as ItemNode];
  const stack: Entry[] = [{ list: start, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
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

/** Every token of the CST in source order, iteratively (no recursion, any depth). */
export function* tokensOf(node: DocumentNode | BlockNode | StatementNode | ItemNode): Generator<Token> {
  if (!isView(node)) {
    // built by hand with the same shape: read its public fields
    yield* publicTokens(node);
    return;
  }
  const ranges: [TokenStore, number, number][] = [];
  walkRanges(node, (store, from, to) => {
    ranges.push([store, from, to]);
  });
  for (const [store, from, to] of ranges) for (let i = from; i < to; i++) yield tokenAt(store, i);
}

/**
 * Lossless printing: `print(parseCst(text)) === text` for every string. Walks the tree and
 * prints each node's own tokens (so a token missing from the tree would be missing here too).
 */
export function print(node: DocumentNode | BlockNode | StatementNode | ItemNode): string {
  if (!isView(node)) return Array.from(publicTokens(node), (t) => t.text).join('');
  // Adjacent runs are merged before slicing: a whole document is normally one slice.
  const out: string[] = [];
  let text = '';
  let from = 0;
  let to = 0;
  walkRanges(node, (store, a, b) => {
    if (store.starts[a] === to && store.text === text) {
      to = store.starts[b]!;
      return;
    }
    if (to > from) out.push(text.slice(from, to));
    text = store.text;
    from = store.starts[a]!;
    to = store.starts[b]!;
  });
  if (to > from) out.push(text.slice(from, to));
  return out.join('');
}
