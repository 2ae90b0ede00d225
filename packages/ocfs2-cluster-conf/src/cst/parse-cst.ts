import { REFUSES, show } from '../diagnostics.js';
import type {
  AttributeLine,
  BlankLine,
  CommentLine,
  Document,
  HeaderLine,
  InvalidLine,
  Line,
  StanzaLine,
  SyntaxProblem,
  Token,
  TokenKind,
  TopItem,
} from './types.js';

// A hand-written line scanner instead of a parsimmon grammar: cluster.conf is strictly
// line-oriented and every line is classified by its first one or two characters, so a single pass
// with `charCodeAt` is both simpler and several times faster than parser combinators here, and it
// is total by construction (every byte lands in a token, nothing can fail).

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const EQUALS = 61;
const BACKSLASH = 92;

/**
 * Syntax problems reported per file; further ones are counted in one `ocfs2/too-many-problems` error.
 * Keeps a megabyte of garbage fast while a real file never comes close.
 */
export const MAX_PROBLEMS = 1000;

/** `A–Z a–z 0–9 _` (ASCII only), the characters of header names and keys. */
export function isIdentCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** Whether `s` is a non-empty run of IDENT characters. */
export function isIdent(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isIdentCode(s.charCodeAt(i))) return false;
  return true;
}

/** The value as o2cb stores it: continuations become newlines, NUL cuts, trailing blanks go. */
export function decodeValue(raw: string): string {
  let v = raw.includes('\\\n') ? raw.replace(/\\\n/g, '\n') : raw;
  const nul = v.indexOf('\u0000');
  if (nul >= 0) v = v.slice(0, nul);
  // g_strchomp: space, TAB, LF, VT, FF, CR.
  let end = v.length;
  while (end > 0) {
    const c = v.charCodeAt(end - 1);
    if (c === SPACE || (c >= TAB && c <= CR)) end--;
    else break;
  }
  return end === v.length ? v : v.slice(0, end);
}

class Scanner {
  readonly text: string;
  readonly problems: SyntaxProblem[] = [];
  dropped = 0;
  pos = 0;

  constructor(text: string) {
    this.text = text;
  }

  tok(kind: TokenKind, start: number, end: number): Token {
    return { kind, start, end, text: this.text.slice(start, end) };
  }

  /** Records a problem; past {@link MAX_PROBLEMS} only counts it (building messages is the costly part). */
  problem(make: () => SyntaxProblem): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(make());
    else this.dropped++;
  }

  /** Where the content of the line starting at `s` ends, and where its newline ends. */
  lineEnd(s: number): { contentEnd: number; next: number } {
    const nl = this.text.indexOf('\n', s);
    if (nl < 0) return { contentEnd: this.text.length, next: this.text.length };
    if (nl > s && this.text.charCodeAt(nl - 1) === CR) return { contentEnd: nl - 1, next: nl + 1 };
    return { contentEnd: nl, next: nl + 1 };
  }

  /** Ends a line: pushes its newline token (if any), moves on, returns the newline. */
  endLine(tokens: Token[], e: number, next: number): Token | undefined {
    this.pos = next;
    if (next === e) return undefined;
    const nl = this.tok('newline', e, next);
    tokens.push(nl);
    return nl;
  }

  blankRun(i: number, e: number): number {
    while (i < e && isBlank(this.text.charCodeAt(i))) i++;
    return i;
  }

  /** Reads one line (an attribute may span several with `\` continuations). */
  readLine(): Line {
    const s = this.pos;
    const text = this.text;
    let { contentEnd: e, next } = this.lineEnd(s);
    const tokens: Token[] = [];
    if (s === e)
      return {
        type: 'blank',
        tokens,
        newline: this.endLine(tokens, e, next),
        start: s,
        end: next,
      } satisfies BlankLine;
    const c0 = text.charCodeAt(s);
    if (c0 === HASH) {
      const comment = this.tok('comment', s, e);
      tokens.push(comment);
      return {
        type: 'comment',
        indented: false,
        comment,
        tokens,
        newline: this.endLine(tokens, e, next),
        start: s,
        end: next,
      } satisfies CommentLine;
    }
    if (isBlank(c0)) {
      const i = this.blankRun(s, e);
      const indent = this.tok('indent', s, i);
      tokens.push(indent);
      if (i === e)
        return {
          type: 'blank',
          tokens,
          newline: this.endLine(tokens, e, next),
          start: s,
          end: next,
        } satisfies BlankLine;
      const c = text.charCodeAt(i);
      if (c === HASH) {
        const comment = this.tok('comment', i, e);
        tokens.push(comment);
        this.problem(() => ({
          code: 'ocfs2/indented-comment',
          start: s,
          end: e,
          message: `Expected \`#\` in column 1, found an indented comment${REFUSES}`,
          note: 'o2cb only accepts comments that start in the first column; remove the indentation',
        }));
        return {
          type: 'comment',
          indented: true,
          comment,
          tokens,
          newline: this.endLine(tokens, e, next),
          start: s,
          end: next,
        } satisfies CommentLine;
      }
      // An attribute: key, blanks, `=`, blanks, value. Broken ones keep the same shape.
      const eq = text.indexOf('=', i);
      const eqOnLine = eq >= 0 && eq < e ? eq : -1;
      let keyEnd: number;
      if (isIdentCode(c)) {
        keyEnd = i;
        while (keyEnd < e && isIdentCode(text.charCodeAt(keyEnd))) keyEnd++;
      } else {
        keyEnd = i;
      }
      const afterKey = this.blankRun(keyEnd, e);
      if (keyEnd > i && afterKey < e && text.charCodeAt(afterKey) === EQUALS) {
        // A well-formed `key = value`.
        const kv = this.readKeyValue(i, keyEnd, afterKey, e, next, tokens);
        const { key, equals, value } = kv;
        e = kv.end;
        next = kv.next;
        return this.attribute(s, indent, key, equals, value, true, tokens, e, next);
      }
      if (eqOnLine > i) {
        // `⇥ip port = 1`, `⇥foo.bar = y`: a key o2cb cannot read, but the intent is clear.
        let ke = eqOnLine;
        while (ke > i && isBlank(text.charCodeAt(ke - 1))) ke--;
        const key = this.tok('key', i, ke);
        tokens.push(key);
        if (eqOnLine > ke) tokens.push(this.tok('space', ke, eqOnLine));
        const equals = this.tok('equals', eqOnLine, eqOnLine + 1);
        tokens.push(equals);
        const v = this.blankRun(eqOnLine + 1, e);
        if (v > eqOnLine + 1) tokens.push(this.tok('space', eqOnLine + 1, v));
        const value = v < e ? this.tok('value', v, e) : undefined;
        if (value) tokens.push(value);
        const bad = Math.max(keyEnd, i);
        this.problem(() => ({
          code: 'ocfs2/key-format',
          start: i,
          end: ke,
          message: `Invalid key \`${show(key.text)}\`: keys are letters, digits and \`_\` only${REFUSES}`,
          actual: text.slice(bad, bad + 1),
        }));
        return this.attribute(s, indent, key, equals, value, false, tokens, e, next);
      }
      if (keyEnd > i) {
        // `⇥name web` or `⇥name`: no `=` on the line.
        const key = this.tok('key', i, keyEnd);
        tokens.push(key);
        if (afterKey > keyEnd) tokens.push(this.tok('space', keyEnd, afterKey));
        if (afterKey < e) tokens.push(this.tok('garbage', afterKey, e));
        const found = afterKey < e ? `\`${show(text.slice(afterKey, e), 20)}\`` : 'end of line';
        this.problem(() => ({
          code: 'ocfs2/key-format',
          start: afterKey,
          end: Math.max(afterKey, e),
          message: `Expected \`=\` after \`${show(key.text)}\`, found ${found}${REFUSES}`,
          expected: ['`=`'],
          actual: afterKey < e ? text.slice(afterKey, e) : '',
        }));
        return this.attribute(s, indent, key, undefined, undefined, false, tokens, e, next);
      }
      // `⇥= x`, `⇥-x`: nothing that looks like a key.
      tokens.push(this.tok('garbage', i, e));
      this.problem(() => ({
        code: 'ocfs2/key-format',
        start: i,
        end: e,
        message: `Expected a key (letters, digits, \`_\`), found \`${show(text.slice(i, e), 20)}\`${REFUSES}`,
        expected: ['a key'],
        actual: text.slice(i, e),
      }));
      return {
        type: 'invalid',
        tokens,
        newline: this.endLine(tokens, e, next),
        start: s,
        end: next,
      } satisfies InvalidLine;
    }
    if (isIdentCode(c0)) {
      let keyEnd = s;
      while (keyEnd < e && isIdentCode(text.charCodeAt(keyEnd))) keyEnd++;
      const afterKey = this.blankRun(keyEnd, e);
      if (afterKey < e && text.charCodeAt(afterKey) === EQUALS) {
        return this.readUnindentedAttribute(s, keyEnd, afterKey, e, next, tokens);
      }
    }
    if (isIdentCode(c0) || (c0 !== LF && text.indexOf(':', s) >= 0 && text.indexOf(':', s) < e)) {
      return this.readHeader(s, e, tokens, next);
    }
    tokens.push(this.tok('garbage', s, e));
    this.problem(() => ({
      code: 'ocfs2/invalid-line',
      start: s,
      end: s + 1,
      message: `Expected a stanza header, an indented attribute or a \`#\` comment, found \`${show(text.slice(s, e), 20)}\`${REFUSES}`,
      actual: text.slice(s, s + 1),
    }));
    return {
      type: 'invalid',
      tokens,
      newline: this.endLine(tokens, e, next),
      start: s,
      end: next,
    } satisfies InvalidLine;
  }

  /** The attribute line of `tokens` from `s` to `next` (content ends at `e`). */
  attribute(
    s: number,
    indent: Token,
    key: Token,
    equals: Token | undefined,
    value: Token | undefined,
    valid: boolean,
    tokens: Token[],
    e: number,
    next: number,
  ): AttributeLine {
    return {
      type: 'attribute',
      indent,
      key,
      equals,
      value,
      valueText: value ? decodeValue(value.text) : '',
      valid,
      tokens,
      newline: this.endLine(tokens, e, next),
      start: s,
      end: next,
    };
  }

  /**
   * The tokens of `key = value` from the key at `keyStart` (ending at `keyEnd`, `=` at
   * `afterKey`) to the line's content end `e`: a `\` at the end of a physical line continues the
   * value on the next line, raw, so the end and the next line start are returned too.
   */
  readKeyValue(
    keyStart: number,
    keyEnd: number,
    afterKey: number,
    lineEnd: number,
    lineNext: number,
    tokens: Token[],
  ): { key: Token; equals: Token; value: Token | undefined; end: number; next: number } {
    const text = this.text;
    let e = lineEnd;
    let next = lineNext;
    const key = this.tok('key', keyStart, keyEnd);
    tokens.push(key);
    if (afterKey > keyEnd) tokens.push(this.tok('space', keyEnd, afterKey));
    const equals = this.tok('equals', afterKey, afterKey + 1);
    tokens.push(equals);
    const v = this.blankRun(afterKey + 1, e);
    if (v > afterKey + 1) tokens.push(this.tok('space', afterKey + 1, v));
    let value: Token | undefined;
    if (v < e) {
      while (e > v && text.charCodeAt(e - 1) === BACKSLASH && next > e && text.charCodeAt(e) === LF) {
        const more = this.lineEnd(next);
        e = more.contentEnd;
        next = more.next;
      }
      value = this.tok('value', v, e);
      tokens.push(value);
    }
    return { key, equals, value, end: e, next };
  }

  /**
   * `name = web` in column 1: an attribute whose indentation was lost (pasted from a web page,
   * written by a heredoc without TABs). o2cb takes it for a broken header and prints only
   * `Unknown code ____ 251`; reading it as an attribute of the stanza above names that cause
   * once, instead of a cascade of header errors and a stanza that seems to lack its `name`.
   * The indent token is empty, so printing stays lossless.
   */
  readUnindentedAttribute(
    s: number,
    keyEnd: number,
    afterKey: number,
    lineEnd: number,
    lineNext: number,
    tokens: Token[],
  ): AttributeLine {
    const text = this.text;
    const indent = this.tok('indent', s, s);
    tokens.push(indent);
    const {
      key,
      equals,
      value,
      end: e,
      next,
    } = this.readKeyValue(s, keyEnd, afterKey, lineEnd, lineNext, tokens);
    const shown = text.slice(s, Math.min(e, s + 60)).trimEnd();
    this.problem(() => ({
      code: 'ocfs2/attribute-not-indented',
      start: s,
      end: keyEnd,
      message: `Expected indentation before \`${show(shown)}\`: attribute lines start with a TAB${REFUSES}`,
      expected: ['a TAB'],
      actual: key.text,
      note: 'o2cb reads a line in column 1 as a stanza header and prints only `Unknown code ____ 251`; indent every attribute line (`ftkit lint --fix` does)',
    }));
    return this.attribute(s, indent, key, equals, value, false, tokens, e, next);
  }

  readHeader(s: number, e: number, tokens: Token[], next: number): HeaderLine | InvalidLine {
    const text = this.text;
    let w = s;
    while (w < e) {
      const c = text.charCodeAt(w);
      if (c === COLON || isBlank(c)) break;
      w++;
    }
    const name = this.tok('name', s, w);
    const b = this.blankRun(w, e);
    const hasColon = b < e && text.charCodeAt(b) === COLON;
    if (!hasColon && !isIdentCode(text.charCodeAt(s))) {
      tokens.push(this.tok('garbage', s, e));
      this.problem(() => ({
        code: 'ocfs2/invalid-line',
        start: s,
        end: s + 1,
        message: `Expected a stanza header, an indented attribute or a \`#\` comment, found \`${show(text.slice(s, e), 20)}\`${REFUSES}`,
        actual: text.slice(s, s + 1),
      }));
      return {
        type: 'invalid',
        tokens,
        newline: this.endLine(tokens, e, next),
        start: s,
        end: next,
      } satisfies InvalidLine;
    }
    tokens.push(name);
    let valid = true;
    if (!isIdent(name.text)) {
      valid = false;
      let bad = s;
      while (bad < w && isIdentCode(text.charCodeAt(bad))) bad++;
      this.problem(() => ({
        code: 'ocfs2/header-format',
        start: s,
        end: w,
        message: `Invalid stanza name \`${show(name.text)}\`: only letters, digits and \`_\` are allowed${REFUSES}`,
        actual: text.slice(bad, bad + 1),
      }));
    }
    if (b > w) tokens.push(this.tok('space', w, b));
    let colon: Token | undefined;
    if (hasColon) {
      colon = this.tok('colon', b, b + 1);
      tokens.push(colon);
      if (b > w && valid) {
        valid = false;
        this.problem(() => ({
          code: 'ocfs2/header-format',
          start: w,
          end: b,
          message: `Expected \`:\` right after \`${show(name.text)}\`, found a blank${REFUSES}`,
          expected: ['`:`'],
          actual: text.slice(w, b),
        }));
      }
      const after = this.blankRun(b + 1, e);
      if (after > b + 1) tokens.push(this.tok('space', b + 1, after));
      if (after < e) {
        tokens.push(this.tok('garbage', after, e));
        if (valid) {
          valid = false;
          this.problem(() => ({
            code: 'ocfs2/header-format',
            start: after,
            end: e,
            message: `Expected end of line after \`${show(name.text)}:\`, found \`${show(text.slice(after, e), 20)}\`${REFUSES}`,
            expected: ['end of line'],
            actual: text.slice(after, e),
          }));
        }
      }
    } else {
      if (b < e) tokens.push(this.tok('garbage', b, e));
      if (valid) {
        valid = false;
        const found = b < e ? `\`${show(text.slice(b, e), 20)}\`` : 'end of line';
        this.problem(() => ({
          code: 'ocfs2/header-format',
          start: w,
          end: b < e ? e : w,
          message: `Expected \`:\` after \`${show(name.text)}\`, found ${found}${REFUSES}`,
          expected: ['`:`'],
          actual: text.slice(b, e),
        }));
      }
    }
    return {
      type: 'header',
      name,
      colon,
      valid,
      tokens,
      newline: this.endLine(tokens, e, next),
      start: s,
      end: next,
    } satisfies HeaderLine;
  }
}

/**
 * Builds the lossless CST of a cluster.conf. Never throws; every byte of `text` ends up in exactly
 * one token, so `print(parseCst(text)) === text`. Syntax problems (each of which makes o2cb refuse
 * the file) are listed in `problems`.
 */
export function parseCst(text: string): Document {
  const sc = new Scanner(text);
  let bom: Token | undefined;
  if (text.charCodeAt(0) === 0xfeff) {
    bom = sc.tok('bom', 0, 1);
    sc.pos = 1;
    sc.problem(() => ({
      code: 'ocfs2/bom',
      start: 0,
      end: 1,
      message: `Unexpected byte-order mark at the start of the file${REFUSES}`,
      note: 'Save the file as UTF-8 without BOM',
    }));
  }
  const items: TopItem[] = [];
  let header: HeaderLine | undefined;
  let body: StanzaLine[] = [];
  let pending: (BlankLine | CommentLine | InvalidLine)[] = [];
  let seenHeader = false;
  const close = () => {
    if (header) {
      const last = body[body.length - 1];
      items.push({
        type: 'stanza',
        header,
        lines: body,
        start: header.start,
        end: last ? last.end : header.end,
      });
    }
    header = undefined;
    body = [];
    for (const p of pending) items.push(p);
    pending = [];
  };
  // CR before LF is fatal to o2cb on header and blank lines only (attribute values are chomped,
  // comments swallow it).
  let crlfFirst = -1;
  let crlfCount = 0;
  while (sc.pos < text.length) {
    const line = sc.readLine();
    if ((line.type === 'header' || line.type === 'blank') && line.newline && line.newline.text.length === 2) {
      if (crlfFirst < 0) crlfFirst = line.newline.start;
      crlfCount++;
    }
    switch (line.type) {
      case 'header':
        close();
        header = line;
        seenHeader = true;
        break;
      case 'blank':
        if (header) pending.push(line);
        else items.push(line);
        break;
      case 'comment':
        if (header && !line.indented) pending.push(line);
        else if (header) {
          for (const p of pending) body.push(p);
          body.push(line);
          pending = [];
        } else items.push(line);
        break;
      case 'invalid':
        if (header && line.tokens[0]?.kind === 'indent') {
          for (const p of pending) body.push(p);
          body.push(line);
          pending = [];
        } else if (header) pending.push(line);
        else items.push(line);
        break;
      case 'attribute':
        if (header) {
          const blank = pending.find((p) => p.type === 'blank');
          const name = header.name.text;
          if (blank) {
            sc.problem(() => ({
              code: 'ocfs2/blank-in-stanza',
              start: blank.start,
              end: blank.start + (blank.tokens[0]?.kind === 'indent' ? blank.tokens[0].end - blank.start : 0),
              message: `Unexpected blank line inside the \`${show(name)}\` stanza${REFUSES}`,
              note: `A blank line ends a stanza for o2cb, so \`${show(line.key.text)}\` below it belongs to no stanza; remove the blank line`,
            }));
          }
          for (const p of pending) body.push(p);
          body.push(line);
          pending = [];
        } else {
          items.push(line);
          sc.problem(() => ({
            code: seenHeader ? 'ocfs2/blank-in-stanza' : 'ocfs2/attribute-outside-stanza',
            start: line.start,
            end: line.key.end,
            message: `Unexpected attribute \`${show(line.key.text)}\` before any stanza header${REFUSES}`,
            note: 'Attributes belong under a `cluster:`, `node:` or `heartbeat:` header',
          }));
        }
        break;
    }
  }
  close();
  // File-wide byte problems.
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    sc.problem(() => ({
      code: 'ocfs2/nul',
      start: nul,
      end: nul + 1,
      message: 'Unexpected NUL byte (o2cb silently cuts the value or ignores the rest of the file there)',
      note: 'ftkit refuses NUL bytes outright: what o2cb would read is not what the file shows',
    }));
  }
  if (crlfFirst >= 0) {
    const count = crlfCount;
    sc.problem(() => ({
      code: 'ocfs2/crlf',
      start: crlfFirst,
      end: crlfFirst + 2,
      message: `Expected LF line ends, found CRLF after ${count} header or blank line${count === 1 ? '' : 's'}${REFUSES}`,
      note: 'o2cb tolerates a CR at the end of attribute and comment lines only; convert the file with `dos2unix`',
    }));
  }
  if (sc.dropped > 0) {
    sc.problems.push({
      code: 'ocfs2/too-many-problems',
      start: text.length,
      end: text.length,
      message: `Too many syntax errors: ${sc.dropped} more after the first ${MAX_PROBLEMS} are not listed${REFUSES}`,
      count: sc.dropped,
    });
  }
  const problems = sc.problems.sort((a, b) => a.start - b.start || a.end - b.end);
  return { type: 'document', bom, items, problems, text, start: 0, end: text.length };
}
