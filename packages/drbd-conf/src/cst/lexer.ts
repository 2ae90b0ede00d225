/**
 * The drbd.conf scanner. Hand-written rather than parsimmon because drbdadm's flex scanner
 * picks the *longest* match among overlapping token classes (integer, IPv4, `N.N.N`, word,
 * IPv6) and breaks ties by rule order; classifying a maximal run of word characters once is
 * both exact and several times faster than trying each class as a parser alternative. The
 * scanner is total: every byte of every input belongs to exactly one token.
 */

/** What a token is. Trivia kinds (`ws`, `comment`) carry no meaning. */
export type TokenKind =
  /** A run of spaces, tabs, carriage returns and newlines. */
  | 'ws'
  | 'comment'
  | '{'
  | '}'
  | ';'
  | '['
  | ']'
  | ':'
  /** A double-quoted string (`text` keeps the quotes; see {@link unquote}). */
  | 'string'
  /** `[0-9]{1,8}` optionally followed by one of `K M G s`. */
  | 'int'
  /** `d.d.d.d` with 1–3 digits per part (octets are not range checked, like drbdadm). */
  | 'ipv4'
  /** `N.N.N`: a kernel module version (DRBD 9 only treats it as its own class). */
  | 'kmodvers'
  /** An IPv6 address (only meaningful between `[` `]` after `ipv6`). */
  | 'ipv6'
  /** A bare word `[A-Za-z0-9/._-]{1,128}`. */
  | 'word'
  /** Any other single character (a parse error almost everywhere). */
  | 'else'
  /** A lexical error: unterminated string, string or word too long. `error` says which. */
  | 'bad';

/** One token: its kind, exact source text and 0-based offsets (end exclusive). */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** For `bad` tokens: `unterminated-string`, `string-too-long` or `word-too-long`. */
  readonly error?: 'unterminated-string' | 'string-too-long' | 'word-too-long';
}

/** True for tokens without meaning (space, newline, comment). */
export function isTrivia(t: Token): boolean {
  return t.kind === 'ws' || t.kind === 'comment';
}

const WORD = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/._-')
  WORD[c.charCodeAt(0)] = 1;
const HEX_START = /[0-9A-Fa-f:]/;
const IPV6_RE =
  /(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|[0-9A-Fa-f]{1,4})?(?:%[A-Za-z0-9_.-]+)?/y;

/** Longest bare word drbdadm accepts. */
export const MAX_WORD = 128;
/** Most content units between the quotes of a string. */
export const MAX_STRING = 255;

// Token kinds as small integers, for the token store. The order matters: trivia first (so
// `kind < K_FIRST_SIGNIFICANT` tests for trivia) and the three `bad` variants last.
export const K_WS = 0;
export const K_COMMENT = 1;
export const K_LBRACE = 2;
export const K_RBRACE = 3;
export const K_SEMI = 4;
export const K_LBRACKET = 5;
export const K_RBRACKET = 6;
export const K_COLON = 7;
export const K_STRING = 8;
export const K_INT = 9;
export const K_IPV4 = 10;
export const K_KMODVERS = 11;
export const K_IPV6 = 12;
export const K_WORD = 13;
export const K_ELSE = 14;
export const K_BAD_UNTERMINATED = 15;
export const K_BAD_STRING_LONG = 16;
export const K_BAD_WORD_LONG = 17;
export const K_FIRST_SIGNIFICANT = 2;

/** Integer kind to {@link TokenKind}. */
export const KIND_NAMES: readonly TokenKind[] = [
  'ws',
  'comment',
  '{',
  '}',
  ';',
  '[',
  ']',
  ':',
  'string',
  'int',
  'ipv4',
  'kmodvers',
  'ipv6',
  'word',
  'else',
  'bad',
  'bad',
  'bad',
];
const BAD_ERRORS = ['unterminated-string', 'string-too-long', 'word-too-long'] as const;
const FIXED_TEXT: readonly (string | undefined)[] = [undefined, undefined, '{', '}', ';', '[', ']', ':'];

/**
 * Every token of a text without one object per token: token `i` has kind `kinds[i]` (a `K_*`
 * code) and covers `text.slice(starts[i], starts[i + 1])`; `starts[count] === text.length`.
 * Token objects ({@link tokenAt}) and texts are made on demand only.
 */
export interface TokenStore {
  readonly text: string;
  readonly count: number;
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  /** Short token texts already made, by hash (see {@link tokenText}). */
  readonly interned: (string | undefined)[];
}

const INTERN_SLOTS = 2048;

/**
 * The text of `store.text[start, end)`. Short texts are interned per store: a config repeats
 * the same keywords, host names and values thousands of times, and V8 copies every substring
 * shorter than 13 characters, so this saves most of the strings a model would otherwise hold.
 * Longer substrings are slices that share the source text's characters.
 */
export function tokenText(store: TokenStore, start: number, end: number): string {
  const len = end - start;
  const text = store.text;
  if (len > 12) return text.slice(start, end);
  let h = len;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  const slot = (h ^ (h >>> 11)) & (INTERN_SLOTS - 1);
  const seen = store.interned[slot];
  if (seen !== undefined && seen.length === len && text.startsWith(seen, start)) return seen;
  const made = text.slice(start, end);
  store.interned[slot] = made;
  return made;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Length of a run of digits at `i` (before `j`). */
function digits(text: string, i: number, j: number): number {
  let k = i;
  while (k < j && isDigit(text.charCodeAt(k))) k++;
  return k - i;
}

/**
 * Classifies the complete run of word characters `text[i, j)` the way flex's longest match does:
 * `int` (`[0-9]{1,8}[KMGs]?`), `ipv4` (four dot-separated groups of 1–3 digits), `kmodvers`
 * (`N.N.N`), otherwise `word`. Works on character codes, so no substring is made.
 */
export function classifyRange(text: string, i: number, j: number): number {
  // int, IPv4 and N.N.N all start with a digit: most words are decided by one comparison
  if (!isDigit(text.charCodeAt(i))) return K_WORD;
  const len = j - i;
  const d0 = digits(text, i, j);
  if (d0 === len) return d0 <= 8 ? K_INT : K_WORD;
  if (d0 === len - 1 && d0 <= 8) {
    const s = text.charCodeAt(j - 1);
    if (s === 75 /* K */ || s === 77 /* M */ || s === 71 /* G */ || s === 115 /* s */) return K_INT;
  }
  // dot-separated groups of digits
  let k = i;
  let groups = 0;
  let short = true; // every group 1–3 digits
  while (true) {
    const d = digits(text, k, j);
    if (d === 0) return K_WORD;
    if (d > 3) short = false;
    groups++;
    k += d;
    if (k === j) break;
    if (text.charCodeAt(k) !== 46 /* . */) return K_WORD;
    k++;
  }
  if (groups === 4 && short) return K_IPV4;
  if (groups === 3) return K_KMODVERS;
  return K_WORD;
}

/** Classifies a complete run of word characters the way flex's longest match does. */
export function classifyWord(text: string): TokenKind {
  return KIND_NAMES[classifyRange(text, 0, text.length)]!;
}

/** Where the run of word characters (`[A-Za-z0-9/._-]`) starting at `i` ends. */
export function wordRunEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d >= 128 || WORD[d] !== 1) break;
    j++;
  }
  return j;
}

/**
 * Where an IPv6 address token starting at `i` ends, when it is longer than the run of word
 * characters `[i, j)`; otherwise 0. An IPv6 address contains `:`, which ends a word, so this only
 * looks when the run stops at one.
 */
export function ipv6End(text: string, i: number, j: number): number {
  if (text.charCodeAt(j) !== 58 || !HEX_START.test(text[i]!)) return 0;
  IPV6_RE.lastIndex = i;
  const m = IPV6_RE.exec(text);
  if (m && m.index === i && i + m[0].length > j && (m[0].includes('::') || m[0].split(':').length >= 8))
    return i + m[0].length;
  return 0;
}

/**
 * The double-quoted string starting at `i` (a `"`): where its token ends, and its kind: `K_STRING`,
 * `K_BAD_UNTERMINATED` (the line ends first; a backslash makes the next character literal, but
 * not a line end) or `K_BAD_STRING_LONG` (more than {@link MAX_STRING} characters).
 */
export function stringToken(text: string, i: number): { end: number; kind: number } {
  const n = text.length;
  let j = i + 1;
  let units = 0;
  while (j < n) {
    const d = text.charCodeAt(j);
    if (d === 10) break;
    if (d === 34) return { end: j + 1, kind: units > MAX_STRING ? K_BAD_STRING_LONG : K_STRING };
    if (d === 92 /* \ */ && j + 1 < n && text.charCodeAt(j + 1) !== 10) j += 2;
    else j++;
    units++;
  }
  return { end: j, kind: K_BAD_UNTERMINATED };
}

/** Splits `text` into a {@link TokenStore}; total (never throws), and the tokens tile `text`. */
export function scan(text: string): TokenStore {
  const n = text.length;
  // Room for the worst case (one token per character), trimmed below: growing inside the loop
  // made V8 throw away the loop's optimised code the first time it happened.
  let kinds = new Uint8Array(n);
  let starts = new Int32Array(n + 1);
  let count = 0;
  let i = 0;
  while (i < n) {
    const start = i;
    const c = text.charCodeAt(i);
    let kind: number;
    if (c === 32 || c === 9 || c === 13 || c === 10) {
      // One token per run of blanks and newlines (a newline plus the next line's indentation is
      // one token): half the trivia of a typical file.
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d !== 32 && d !== 9 && d !== 13 && d !== 10) break;
        i++;
      }
      kind = K_WS;
    } else if (c === 35 /* # */) {
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
      kind = K_COMMENT;
    } else if (c === 123) {
      i++;
      kind = K_LBRACE;
    } else if (c === 125) {
      i++;
      kind = K_RBRACE;
    } else if (c === 59) {
      i++;
      kind = K_SEMI;
    } else if (c === 91) {
      i++;
      kind = K_LBRACKET;
    } else if (c === 93) {
      i++;
      kind = K_RBRACKET;
    } else if (c === 34 /* " */) {
      const str = stringToken(text, i);
      i = str.end;
      kind = str.kind;
    } else {
      // Word-ish: measure the run of word characters, then see whether an IPv6 address is longer.
      const j = wordRunEnd(text, i);
      kind = -1;
      const v6 = ipv6End(text, i, j);
      if (v6 > 0) {
        i = v6;
        kind = K_IPV6;
      }
      if (kind < 0) {
        if (j > i) {
          kind = j - i > MAX_WORD ? K_BAD_WORD_LONG : classifyRange(text, i, j);
          i = j;
        } else if (c === 58 /* : */) {
          i++;
          kind = K_COLON;
        } else {
          // One "else" character; keep surrogate pairs together so nothing splits a code point.
          i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
          kind = K_ELSE;
        }
      }
    }
    kinds[count] = kind;
    starts[count] = start;
    count++;
  }
  starts[count] = n;
  if (count < n >> 1) {
    kinds = kinds.slice(0, count);
    starts = starts.slice(0, count + 1);
  }
  return { text, count, kinds, starts, interned: new Array<string | undefined>(INTERN_SLOTS) };
}

/** Token `i` of a store as an object (made on each call). */
export function tokenAt(store: TokenStore, i: number): Token {
  const k = store.kinds[i]!;
  const start = store.starts[i]!;
  const end = store.starts[i + 1]!;
  const text = FIXED_TEXT[k] ?? tokenText(store, start, end);
  if (k >= K_BAD_UNTERMINATED)
    return { kind: 'bad', text, start, end, error: BAD_ERRORS[k - K_BAD_UNTERMINATED]! };
  return { kind: KIND_NAMES[k]!, text, start, end };
}

/** The tokens `[from, to)` of a store, as objects. */
export function tokensIn(store: TokenStore, from: number, to: number): Token[] {
  const out: Token[] = new Array(to - from);
  for (let i = from; i < to; i++) out[i - from] = tokenAt(store, i);
  return out;
}

/** Splits `text` into tokens; total (never throws), and the token texts concatenate to `text`. */
export function lex(text: string): Token[] {
  const store = scan(text);
  return tokensIn(store, 0, store.count);
}

/**
 * The value of a token as drbdadm sees it: quotes removed and a backslash making the next
 * character literal (no C escapes: `"a\nb"` is `anb`). Other tokens are returned as written.
 */
export function unquote(t: Pick<Token, 'kind' | 'text'>): string {
  if (t.kind !== 'string' && !(t.kind === 'bad' && t.text.startsWith('"'))) return t.text;
  const inner = t.text.endsWith('"') && t.text.length >= 2 ? t.text.slice(1, -1) : t.text.slice(1);
  if (!inner.includes('\\')) return inner;
  let out = '';
  for (let k = 0; k < inner.length; k++) {
    const ch = inner[k]!;
    if (ch === '\\' && k + 1 < inner.length) {
      out += inner[k + 1];
      k++;
    } else out += ch;
  }
  return out;
}
