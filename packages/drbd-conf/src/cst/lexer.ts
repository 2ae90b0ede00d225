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
const INT_RE = /^[0-9]{1,8}[KMGs]?$/;
const IPV4_RE = /^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$/;
const KMOD_RE = /^[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_RE =
  /(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|[0-9A-Fa-f]{1,4})?(?:%[A-Za-z0-9_.-]+)?/y;

/** Longest bare word drbdadm accepts. */
export const MAX_WORD = 128;
/** Most content units between the quotes of a string. */
export const MAX_STRING = 255;

/** Classifies a complete run of word characters the way flex's longest match does. */
export function classifyWord(text: string): TokenKind {
  // int, IPv4 and N.N.N all start with a digit: most words are decided by one comparison
  const c = text.charCodeAt(0);
  if (c < 48 || c > 57) return 'word';
  if (text.length <= 9 && INT_RE.test(text)) return 'int';
  if (text.length <= 15 && IPV4_RE.test(text)) return 'ipv4';
  if (KMOD_RE.test(text)) return 'kmodvers';
  return 'word';
}

/** Splits `text` into tokens; total (never throws), and the token texts concatenate to `text`. */
export function lex(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const start = i;
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 13 || c === 10) {
      // One token per run of blanks and newlines (a newline plus the next line's indentation is
      // one token): half the trivia objects of a typical file.
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d !== 32 && d !== 9 && d !== 13 && d !== 10) break;
        i++;
      }
      out.push({ kind: 'ws', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === 35 /* # */) {
      const e = text.indexOf('\n', i);
      i = e < 0 ? n : e;
      out.push({ kind: 'comment', text: text.slice(start, i), start, end: i });
      continue;
    }
    if (c === 123 || c === 125 || c === 59 || c === 91 || c === 93) {
      i++;
      out.push({ kind: text[start] as TokenKind, text: text[start]!, start, end: i });
      continue;
    }
    if (c === 34 /* " */) {
      i++;
      let units = 0;
      let closed = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 10) break;
        if (d === 34) {
          i++;
          closed = true;
          break;
        }
        if (d === 92 /* \ */ && i + 1 < n && text.charCodeAt(i + 1) !== 10) i += 2;
        else i++;
        units++;
      }
      const t = text.slice(start, i);
      if (!closed) out.push({ kind: 'bad', text: t, start, end: i, error: 'unterminated-string' });
      else if (units > MAX_STRING)
        out.push({ kind: 'bad', text: t, start, end: i, error: 'string-too-long' });
      else out.push({ kind: 'string', text: t, start, end: i });
      continue;
    }
    // Word-ish: measure the run of word characters, then see whether an IPv6 address is longer.
    let j = i;
    while (j < n) {
      const d = text.charCodeAt(j);
      if (d >= 128 || WORD[d] !== 1) break;
      j++;
    }
    // An IPv6 address contains `:`, which ends a word: only look when the run stops at one.
    if (text.charCodeAt(j) === 58 && HEX_START.test(text[i]!)) {
      IPV6_RE.lastIndex = i;
      const m = IPV6_RE.exec(text);
      if (m && m.index === i && i + m[0].length > j && (m[0].includes('::') || m[0].split(':').length >= 8)) {
        i += m[0].length;
        out.push({ kind: 'ipv6', text: m[0], start, end: i });
        continue;
      }
    }
    if (j > i) {
      const t = text.slice(i, j);
      i = j;
      if (t.length > MAX_WORD) out.push({ kind: 'bad', text: t, start, end: i, error: 'word-too-long' });
      else out.push({ kind: classifyWord(t), text: t, start, end: i });
      continue;
    }
    if (c === 58 /* : */) {
      i++;
      out.push({ kind: ':', text: ':', start, end: i });
      continue;
    }
    // One "else" character; keep surrogate pairs together so nothing splits a code point.
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    out.push({ kind: 'else', text: text.slice(start, i), start, end: i });
  }
  return out;
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
