import {
  DiagnosticCollector,
  didYouMean,
  dirname,
  isInside,
  nearestCandidates,
  normalizePath,
  resolvePath,
  type SourceReader,
} from '@ftkit/core';
import { DRBD_DEVICE } from '../check/check-model.js';
import { type Token, unquote } from '../cst/lexer.js';
import { contentOf, parseCst } from '../cst/parse-cst.js';
import type { BlockNode, DocumentNode, ItemNode, StatementNode } from '../cst/types.js';
import { CODES } from '../diagnostics.js';
import type {
  DrbdAddress,
  DrbdCommon,
  DrbdConfig,
  DrbdConnection,
  DrbdEndpoint,
  DrbdHost,
  DrbdMesh,
  DrbdOption,
  DrbdProxyHost,
  DrbdResource,
  DrbdSection,
  DrbdVolume,
} from '../schema.js';
import { knownIn83, sectionsKnowing83 } from './eight-three.js';
import { GLOBAL_KEYWORDS, HOST_KEYWORDS, KEYWORDS, RESOURCE_KEYWORDS, TOP_KEYWORDS } from './keywords.js';
import {
  type DrbdVersion,
  NO_FLAGS_84,
  OPTION_TABLES,
  type OptionSpec,
  type SectionKind,
  scaledValue,
  sectionsKnowing,
} from './options.js';
import { protocolSpan } from './protocol-span.js';
import { templateCommon, templatePath } from './template.js';

/** The package name recorded as diagnostic `source`. */
export const SOURCE = '@ftkit/drbd-conf';

/**
 * How many files deep includes may nest. drbdadm keeps each including file open, so with the usual
 * limit of 1,024 open files it fails near 1,000 levels; 512 is far above any real configuration
 * and keeps composition well inside the JavaScript stack.
 */
export const MAX_INCLUDE_DEPTH = 512;

/** Options of {@link compose} and `parse`. */
export interface ComposeOptions {
  /**
   * Which drbdadm parser to mirror; default `'9'`. `'8.3'` reads with the 8.4 grammar plus the
   * restrictions of drbdadm-83 (its options per section, valueless flags, `protocol` required at
   * resource level, no `volume` or `options` sections); the model is an 8.4 model.
   */
  readonly drbdVersion?: DrbdVersion | '8.3';
  /** Name used in diagnostics; also the base for relative `include` patterns (absolute path). */
  readonly fileName?: string;
  /** Reader for `include`d files; without one, includes are recorded but not followed. */
  readonly reader?: SourceReader;
  /**
   * Included files must lie inside this directory. Default: the reader's `root` when it has one,
   * else the directory of `fileName` when that is absolute (so `include "/proc/self/environ";` is
   * refused), else `/`.
   */
  readonly root?: string;
}

/** Everything parse produced for one file (the main file or an include). */
export interface ParsedFile {
  readonly fileName: string | undefined;
  readonly text: string;
  readonly cst: DocumentNode;
  readonly diagnostics: DiagnosticCollector;
}

/** Composition output: the model, and every file that took part. */
export interface Composed {
  readonly model: DrbdConfig;
  readonly files: ParsedFile[];
}

const describe = (t: Token | undefined): string => {
  if (!t) return 'end of statement';
  if (t.kind === ';') return '`;`';
  const shown = t.text.length > 40 ? `${t.text.slice(0, 37)}...` : t.text;
  return `\`${shown}\``;
};
/**
 * DRBD 0.7 statements that no drbdadm reads any more, with what replaced them (real 0.7-era
 * configurations are still copied around).
 */
const DRBD_07: Readonly<Record<string, string>> = {
  'incon-degr-cmd': 'DRBD 0.7 syntax: since 8.0 write `handlers { pri-on-incon-degr "…"; }`',
  'on-disconnect': 'DRBD 0.7 syntax that no drbdadm since 8.0 reads: DRBD reconnects by itself',
  group: 'DRBD 0.7 syntax: since 8.0 order resyncs with `after RESOURCE;` (8.4 and 9: `resync-after`)',
};

/** Keywords an unknown-keyword message lists at most (the nearest ones when there are more). */
const MAX_LISTED = 6;
const list = (xs: readonly string[]): string =>
  xs.length <= 1
    ? `\`${xs[0] ?? ''}\``
    : `${xs
        .slice(0, -1)
        .map((x) => `\`${x}\``)
        .join(', ')} or \`${xs.at(-1)}\``;
const spanOf = (a: { start: number; end: number }, b: { end: number } = a) => ({
  start: a.start,
  end: b.end,
});

/** Reads a statement's words left to right. */
class Cursor {
  readonly words: readonly Token[];
  i = 0;
  readonly stmt: StatementNode;
  constructor(stmt: StatementNode) {
    this.stmt = stmt;
    this.words = stmt.words;
  }
  peek(k = 0): Token | undefined {
    return this.words[this.i + k];
  }
  next(): Token | undefined {
    return this.words[this.i++];
  }
  get done(): boolean {
    return this.i >= this.words.length;
  }
  /** Where "found …" points when nothing is left: the terminator or the end of the statement. */
  endSpan(): { start: number; end: number } {
    if (this.stmt.semi) return spanOf(this.stmt.semi);
    if (this.stmt.block) return spanOf(this.stmt.block.open);
    return { start: this.stmt.end, end: this.stmt.end };
  }
  foundToken(): Token | undefined {
    return this.peek() ?? this.stmt.semi ?? this.stmt.block?.open;
  }
}

interface FileCtx {
  readonly d: DiagnosticCollector;
  readonly file: string | undefined;
  readonly text: string;
}

/** Turns the CST of a file (and its includes) into the model, with every diagnostic. */
export class Composer {
  readonly v: DrbdVersion;
  readonly opts: ComposeOptions;
  readonly model: DrbdConfig;
  readonly files: ParsedFile[] = [];
  /** Canonical paths (symbolic links resolved) of every file read so far. */
  readonly seen = new Set<string>();
  /** Matches of each absolute glob pattern, listed once however often it is included. */
  private readonly globs = new Map<string, string[]>();
  /** Canonical paths already asked of the reader (a repeated glob asks for the same ones). */
  private readonly realpaths = new Map<string, string>();
  /** How many includes deep the file being composed is (the main file is 0). */
  private depth = 0;
  private ctx!: FileCtx;
  private resourceSeen = false;
  private readonly topNames = new Map<string, { span: { start: number; end: number }; file?: string }>();

  /** Whether drbdadm-83's restrictions apply on top of the 8.4 grammar. */
  readonly v83: boolean;

  constructor(opts: ComposeOptions) {
    this.opts = opts;
    this.v83 = opts.drbdVersion === '8.3';
    this.v = opts.drbdVersion === '8.3' ? '8.4' : (opts.drbdVersion ?? '9');
    this.model = { drbdVersion: this.v, resources: [], includes: [], requires: [] };
  }

  /** Composes one file's text (the main file, or an include at its position). */
  file(text: string, fileName: string | undefined, cst = parseCst(text)): ParsedFile {
    const d = new DiagnosticCollector(text, SOURCE, fileName, undefined, { overflowCode: CODES.tooMany });
    const pf: ParsedFile = { fileName, text, cst, diagnostics: d };
    this.files.push(pf);
    if (fileName !== undefined) this.seen.add(this.canonical(fileName));
    const saved = this.ctx;
    this.ctx = { d, file: fileName, text };
    for (const item of contentOf(cst)) this.topItem(item);
    this.ctx = saved;
    return pf;
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The path drbdadm would compare: symbolic links resolved when the reader can, so a directory
   * reached through two aliases is read once (as drbdadm does) instead of again for every alias.
   */
  private canonical(path: string): string {
    let c = this.realpaths.get(path);
    if (c === undefined) {
      c = this.opts.reader?.realpath?.(path) ?? normalizePath(path);
      this.realpaths.set(path, c);
    }
    return c;
  }

  /**
   * A `device`, `disk PATH` or `meta-disk` statement (the implicit volume) after a `volume N { }`
   * section of the same level: drbdadm 9 and 8.4 reject it ("mixing explicit and implicit volumes
   * is not allowed"); before the first `volume` it is accepted. Reports and returns `true` then.
   */
  private implicitAfterVolume(s: StatementNode, kw: string): boolean {
    const implicitStmt =
      kw === 'device' || kw === 'meta-disk' || kw === 'flexible-meta-disk' || (kw === 'disk' && !s.block);
    if (!implicitStmt) return false;
    this.err(
      CODES.semantic,
      `Unexpected \`${kw}\` after a \`volume\` section: explicit and implicit volumes cannot be mixed`,
      spanOf(s.words[0]!),
      'Put the statement inside a `volume N { }` section, or before the first one',
    );
    return true;
  }

  /** An 8.4 construct drbdadm-83 rejects. */
  private not83(t: Token, where: string) {
    this.err(
      CODES.version,
      `Unexpected \`${t.text}\` in ${where}: DRBD 8.3 does not have it`,
      spanOf(t),
      `\`${t.text}\` exists only in DRBD 8.4 and 9`,
    );
  }

  /** Errors reported so far in the current file (to keep follow-on errors out of the report). */
  private errorCount(): number {
    let n = 0;
    for (const d of this.ctx.d.items) if (d.severity === 'error') n++;
    return n;
  }
  private err(code: string, message: string, span: { start: number; end: number }, note?: string) {
    this.ctx.d.error(code, message, span, note !== undefined ? { note } : {});
  }
  private warn(code: string, message: string, span: { start: number; end: number }, note?: string) {
    this.ctx.d.warning(code, message, span, note !== undefined ? { note } : {});
  }
  /**
   * Sets where a new model node was written: `span`, and `file` when it comes from an include. The
   * keys end up in the same order as a spread at the end of the literal, without the cost of one
   * (object spreads were among the hottest lines of a large file's parse).
   */
  private at<T extends object>(node: T, span: { start: number; end: number }): T {
    const n = node as { span?: { start: number; end: number }; file?: string };
    n.span = span;
    if (this.ctx.file !== undefined) n.file = this.ctx.file;
    return node;
  }

  /** Reports syntax problems of a statement itself (lexical errors, missing `;`). */
  private stmtSyntax(s: StatementNode): boolean {
    let ok = true;
    for (const t of s.words) {
      if (t.kind === 'bad') {
        this.lexError(t);
        ok = false;
      }
    }
    if (s.unterminated) {
      const after = s.end;
      const found = this.ctx.text[after] === '}' ? '`}`' : 'end of file';
      this.err(CODES.syntax, `Expected \`;\`, found ${found}`, {
        start: after,
        end: after + (found === '`}`' ? 1 : 0),
      });
      ok = false;
    }
    return ok;
  }

  private lexError(t: Token) {
    if (t.error === 'unterminated-string')
      this.err(
        CODES.lexical,
        'Unterminated double-quoted string: a string must end on the same line',
        spanOf(t),
      );
    else if (t.error === 'string-too-long')
      this.err(CODES.lexical, 'Double-quoted string too long: at most 255 characters are allowed', spanOf(t));
    else this.err(CODES.lexical, 'Token too long: a bare word has at most 128 characters', spanOf(t));
  }

  private stray(item: ItemNode) {
    if (item.type !== 'stray') return;
    if (item.token.kind === ';')
      this.err(
        CODES.syntax,
        'Unexpected `;`: an empty statement is not allowed',
        spanOf(item.token),
        'A block `{ … }` is not followed by `;`',
      );
    else this.err(CODES.syntax, 'Unexpected `}` without a matching `{`', spanOf(item.token));
  }

  /**
   * Checks a block for a missing `}` and returns its statements (reporting strays). `atEof` names
   * a top-level section (`resource`, `common`) that drbdadm closes silently at the end of the
   * file: its statement loop simply ends there, so a missing `}` is only a warning.
   */
  private statements(block: BlockNode, atEof?: string): StatementNode[] {
    if (!block.close) {
      const end = { start: this.ctx.text.length, end: this.ctx.text.length };
      if (atEof !== undefined)
        this.warn(
          CODES.unclosed,
          `Missing \`}\` at end of file: the \`${atEof}\` section is still open`,
          end,
          'drbdadm closes it here; add `}` so that nothing appended to the file lands inside it',
        );
      else
        this.err(
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
          this.err(CODES.syntax, 'Expected a keyword, found `{`', spanOf(it.block?.open ?? it));
        else items[n++] = it;
      } else this.stray(it);
    }
    items.length = n;
    return items as StatementNode[];
  }

  /** Lexical checks only (skip blocks): content is lexed but not parsed. Iterative. */
  private skipContent(s: StatementNode) {
    const stack: (BlockNode | StatementNode)[] = [s];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.type === 'statement') {
        for (const t of n.words) if (t.kind === 'bad') this.lexError(t);
        if (n.block) stack.push(n.block);
      } else {
        if (!n.close && n === s.block)
          this.err(
            CODES.syntax,
            'Expected `}`, found end of file: reached the end of the file inside this `skip` block',
            spanOf(s.words[0] ?? s),
          );
        for (const it of contentOf(n)) if (it.type === 'statement') stack.push(it);
      }
    }
  }

  /** Expects exactly a `;` terminator after the cursor. */
  private expectEnd(c: Cursor, what = '`;`'): boolean {
    const t = c.peek();
    if (t !== undefined) {
      this.err(CODES.syntax, `Expected ${what}, found ${describe(t)}`, spanOf(t));
      return false;
    }
    if (c.stmt.block) {
      this.err(CODES.syntax, `Expected ${what}, found \`{\``, spanOf(c.stmt.block.open));
      return false;
    }
    return !c.stmt.unterminated;
  }

  /** Expects the statement to end with a block (no `;`). */
  private expectBlock(c: Cursor): BlockNode | undefined {
    const t = c.peek();
    if (t !== undefined) {
      this.err(CODES.syntax, `Expected \`{\`, found ${describe(t)}`, spanOf(t));
      return undefined;
    }
    if (!c.stmt.block) {
      if (c.stmt.semi) this.err(CODES.syntax, 'Expected `{`, found `;`', spanOf(c.stmt.semi));
      return undefined;
    }
    return c.stmt.block;
  }

  /** A name (resource, host): a bare word that is not a keyword, or a quoted string. */
  private name(c: Cursor, what: string): { value: string; token: Token } | undefined {
    const t = c.next();
    if (!t) {
      const f = c.foundToken();
      this.err(CODES.syntax, `Expected ${what}, found ${describe(f)}`, f ? spanOf(f) : c.endSpan());
      return undefined;
    }
    if (t.kind === 'string') return { value: unquote(t), token: t };
    const wordLike = t.kind === 'word' || (this.v === '8.4' && t.kind === 'kmodvers');
    if (wordLike && !KEYWORDS[this.v].has(t.text)) return { value: t.text, token: t };
    if (t.kind === 'bad') {
      this.lexError(t);
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
    this.err(
      CODES.syntax,
      `Expected ${what}, found ${describe(t)}`,
      spanOf(t),
      `Quote the name (\`"${t.text}"\`): ${why}`,
    );
    return undefined;
  }

  private unknownKeyword(t: Token, allowed: readonly string[], where: string) {
    const hint = t.kind === 'word' ? didYouMean(t.text, allowed) : undefined;
    const sections = t.kind === 'word' ? sectionsKnowing(this.v, t.text) : [];
    const other: DrbdVersion = this.v === '9' ? '8.4' : '9';
    const otherOnly =
      t.kind === 'word' &&
      [...TOP_KEYWORDS[other], ...RESOURCE_KEYWORDS[other], ...HOST_KEYWORDS[other]].includes(t.text) &&
      ![...TOP_KEYWORDS[this.v], ...RESOURCE_KEYWORDS[this.v], ...HOST_KEYWORDS[this.v]].includes(t.text);
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
    this.err(CODES.unknownKeyword, `Expected ${expected} in ${where}, found ${describe(t)}`, spanOf(t), note);
  }

  // ---------------------------------------------------------------- top level

  private topItem(item: ItemNode) {
    if (item.type === 'trivia') return;
    if (item.type === 'stray') return this.stray(item);
    const s = item;
    const head = s.words[0];
    if (!head) {
      this.err(
        CODES.syntax,
        `Expected ${list(TOP_KEYWORDS[this.v].slice(0, 5))}, found \`{\``,
        spanOf(s.block!.open),
      );
      if (s.block && !s.block.close) this.statements(s.block);
      return;
    }
    if (head.kind === 'word' && head.text === 'skip') return this.skip(s);
    if (!this.stmtSyntax(s)) {
      if (s.block && head.kind === 'word' && ['resource', 'global', 'common'].includes(head.text)) {
        // keep going into the block so one file reports many errors
      } else return;
    }
    const c = new Cursor(s);
    c.next();
    switch (head.kind === 'word' ? head.text : '') {
      case 'global':
        return this.global(c);
      case 'common':
        return this.common(c);
      case 'resource':
        return this.resource(c);
      case 'include':
        return this.include(c);
      default:
        if (
          this.v === '9' &&
          head.text.startsWith('require-drbd-module-version-') &&
          TOP_KEYWORDS['9'].includes(head.text)
        ) {
          const ver = c.next();
          if (ver?.kind !== 'kmodvers') {
            const f = ver ?? c.foundToken();
            this.err(
              CODES.syntax,
              `Expected a version \`X.Y.Z\`, found ${describe(f)}`,
              f ? spanOf(f) : c.endSpan(),
            );
            return;
          }
          if (!this.expectEnd(c)) return;
          this.model.requires.push(
            this.at(
              {
                op: head.text.slice('require-drbd-module-version-'.length),
                version: ver.text,
              },
              spanOf(s),
            ),
          );
          return;
        }
        this.unknownKeyword(head, TOP_KEYWORDS[this.v].slice(0, 5), 'the top level');
    }
  }

  private skip(s: StatementNode) {
    // 8.4: at most one word (or string) before `{`.
    if (this.v === '8.4' && s.words.length > 2) {
      this.err(
        CODES.syntax,
        `Expected \`{\`, found ${describe(s.words[2])}`,
        spanOf(s.words[2]!),
        'DRBD 8.4 allows at most one word between `skip` and `{`',
      );
      return;
    }
    if (!s.block) {
      const f = s.semi;
      this.err(
        CODES.syntax,
        `Expected \`{\`, found ${describe(f)}`,
        f ? spanOf(f) : { start: s.end, end: s.end },
      );
      return;
    }
    this.skipContent(s);
  }

  /**
   * Reads a resource's `template-file` (with a reader): a file holding one `common` section that
   * drbdadm uses instead of the configuration's `common` for this resource. A file that cannot be
   * read is an error, as in drbdadm ("Failed to open template file"); so is other content.
   */
  private readTemplate(r: DrbdResource, t: Token) {
    if (r.templateFile === undefined) return;
    const base = this.ctx.file?.startsWith('/') ? dirname(this.ctx.file) : '/';
    const abs = resolvePath(base, r.templateFile);
    if (this.ctx.file?.startsWith('/') || r.templateFile.startsWith('/')) templatePath.set(r, abs);
    const reader = this.opts.reader;
    if (!reader) return;
    const root = this.opts.root ?? '/';
    if (!isInside(root, abs)) {
      this.err(
        CODES.include,
        `Template file \`${r.templateFile}\` lies outside the allowed root \`${root}\``,
        spanOf(t),
      );
      return;
    }
    const text = reader.readFile(abs);
    if (text === undefined) {
      this.err(CODES.include, `Failed to open template file \`${r.templateFile}\``, spanOf(t));
      return;
    }
    const sub = new Composer({ drbdVersion: this.v, root });
    sub.file(text, normalizePath(abs));
    this.files.push(...sub.files);
    const m = sub.model;
    if (!m.common || m.global || m.resources.length > 0 || m.includes.length > 0 || m.requires.length > 0) {
      this.err(
        CODES.include,
        `Invalid template file \`${r.templateFile}\`: it must hold exactly one \`common\` section`,
        spanOf(t),
      );
      return;
    }
    templateCommon.set(r, m.common);
  }

  private include(c: Cursor) {
    const t = c.next();
    if (
      !t ||
      (t.kind !== 'word' &&
        t.kind !== 'string' &&
        t.kind !== 'int' &&
        t.kind !== 'ipv4' &&
        t.kind !== 'kmodvers')
    ) {
      const f = t ?? c.foundToken();
      this.err(
        CODES.syntax,
        `Expected a file name or pattern, found ${describe(f)}`,
        f ? spanOf(f) : c.endSpan(),
      );
      return;
    }
    if (!this.expectEnd(c)) return;
    const pattern = unquote(t);
    const span = spanOf(c.stmt);
    this.model.includes.push(this.at({ pattern }, span));
    const reader = this.opts.reader;
    if (!reader) return;
    const base = this.ctx.file?.startsWith('/') ? dirname(this.ctx.file) : '/';
    const abs = resolvePath(base, pattern);
    const main = this.opts.fileName;
    const root = this.opts.root ?? reader.root ?? (main?.startsWith('/') ? dirname(main) : '/');
    if (!isInside(root, abs)) {
      this.err(
        CODES.include,
        `Include \`${pattern}\` points outside the allowed root \`${root}\``,
        spanOf(t),
      );
      return;
    }
    const isGlob = /[*?[]/.test(pattern);
    let paths = [abs];
    if (isGlob) {
      const cached = this.globs.get(abs);
      paths = cached ?? reader.glob(abs).filter((p) => isInside(root, p));
      if (!cached) this.globs.set(abs, paths);
    }
    for (const p of paths) {
      const key = this.canonical(p);
      if (this.seen.has(key)) {
        if (
          !isGlob &&
          this.files.some((f) => f.fileName !== undefined && this.canonical(f.fileName) === key)
        ) {
          this.warn(
            CODES.includeCycle,
            `File \`${pattern}\` is already included; drbdadm reads each file once`,
            spanOf(t),
          );
        }
        continue;
      }
      if (this.depth >= MAX_INCLUDE_DEPTH) {
        this.err(
          CODES.includeDepth,
          `Invalid include \`${pattern}\`: includes nest more than ${MAX_INCLUDE_DEPTH} files deep`,
          spanOf(t),
          'drbdadm keeps every including file open and fails with "Too many open files" near 1,000',
        );
        return;
      }
      const text = reader.readFile(p);
      if (text === undefined) {
        if (!isGlob) this.err(CODES.include, `Failed to open include file \`${pattern}\``, spanOf(t));
        continue;
      }
      this.depth++;
      try {
        this.file(text, normalizePath(p));
      } finally {
        this.depth--;
      }
    }
  }

  private global(c: Cursor) {
    const block = this.expectBlock(c);
    if (!block) return;
    if (this.model.global) {
      this.err(
        CODES.duplicate,
        'Duplicate `global` section',
        spanOf(c.stmt.words[0]!),
        'Only one `global` section is allowed',
      );
      return;
    }
    if (this.resourceSeen)
      this.warn(
        CODES.globalOrder,
        'Expected `global` before any `resource` section',
        spanOf(c.stmt.words[0]!),
        'drbdadm warns: put the global section in front of any resource section',
      );
    const g: NonNullable<DrbdConfig['global']> = this.at({}, spanOf(c.stmt));
    this.model.global = g;
    for (const s of this.statements(block)) {
      if (!this.stmtSyntax(s)) continue;
      const sc = new Cursor(s);
      const head = sc.next()!;
      const name = head.text;
      if (head.kind !== 'word' || !(GLOBAL_KEYWORDS as readonly string[]).includes(name)) {
        this.unknownKeyword(head, GLOBAL_KEYWORDS, 'the `global` section');
        continue;
      }
      if (this.v83 && name.startsWith('cmd-timeout-')) {
        this.not83(head, 'the `global` section');
        continue;
      }
      if (name === 'disable-ip-verification' || name === 'udev-always-use-vnr') {
        if (!this.expectEnd(sc)) continue;
        if (name === 'disable-ip-verification') g.disableIpVerification = true;
        else g.udevAlwaysUseVnr = true;
        continue;
      }
      const val = sc.next();
      if (name === 'usage-count') {
        if (val?.kind !== 'word' || !['yes', 'no', 'ask'].includes(val.text)) {
          const f = val ?? sc.foundToken();
          this.err(
            CODES.syntax,
            `Expected \`yes\`, \`no\` or \`ask\`, found ${describe(f)}`,
            f ? spanOf(f) : sc.endSpan(),
          );
          continue;
        }
        if (!this.expectEnd(sc)) continue;
        g.usageCount = val.text as 'yes' | 'no' | 'ask';
        continue;
      }
      if (val?.kind !== 'int') {
        const f = val ?? sc.foundToken();
        this.err(CODES.syntax, `Expected a number, found ${describe(f)}`, f ? spanOf(f) : sc.endSpan());
        continue;
      }
      if (!this.expectEnd(sc)) continue;
      // drbdadm-83 allows 256 minors, 8.4 and 9 at most 255
      const [min, max] =
        name === 'minor-count' ? [1, this.v83 ? 256 : 255] : name === 'dialog-refresh' ? [0, 600] : [0, 900];
      const num = scaledValue(val.text)!;
      if (num < min || num > max) {
        this.err(CODES.range, `Invalid \`${name}\` \`${val.text}\`: expected ${min} to ${max}`, spanOf(val));
        continue;
      }
      if (name === 'minor-count') g.minorCount = val.text;
      else if (name === 'dialog-refresh') g.dialogRefresh = val.text;
      else if (name === 'cmd-timeout-short') g.cmdTimeoutShort = val.text;
      else if (name === 'cmd-timeout-medium') g.cmdTimeoutMedium = val.text;
      else g.cmdTimeoutLong = val.text;
    }
  }

  private claimTopName(name: string, span: { start: number; end: number }, what: string): boolean {
    const prev = this.topNames.get(name);
    if (prev) {
      this.ctx.d.error(CODES.duplicate, `Duplicate ${what} \`${name}\``, span, {
        related: [
          {
            message: 'first defined here',
            span: prev.span,
            ...(prev.file !== undefined ? { file: prev.file } : {}),
          },
        ],
      });
      return false;
    }
    this.topNames.set(name, this.ctx.file !== undefined ? { span, file: this.ctx.file } : { span });
    return true;
  }

  private common(c: Cursor) {
    const block = this.expectBlock(c);
    if (!block) return;
    const head = c.stmt.words[0]!;
    if (this.model.common) {
      this.err(
        CODES.duplicate,
        'Duplicate `common` section',
        spanOf(head),
        'Only one `common` section is allowed',
      );
      return;
    }
    if (!this.claimTopName('common', spanOf(head), 'section')) return;
    const common: DrbdCommon = this.at({ sections: [] }, spanOf(c.stmt));
    this.model.common = common;
    for (const s of this.statements(block, 'common')) {
      const h = s.words[0];
      if (!h) {
        this.err(CODES.syntax, 'Expected a section keyword, found `{`', spanOf(s.block!.open));
        continue;
      }
      if (h.kind === 'word' && h.text === 'skip' && this.v === '9') {
        this.skip(s);
        continue;
      }
      if (!this.stmtSyntax(s)) continue;
      const sc = new Cursor(s);
      sc.next();
      if (h.kind === 'word' && ['on', 'floating', 'stacked-on-top-of'].includes(h.text)) {
        this.err(
          CODES.semantic,
          'Unexpected host section in `common`: host sections belong in a `resource`',
          spanOf(h),
        );
        continue;
      }
      if (h.kind === 'word' && h.text === 'protocol') {
        this.protocolStmt(sc, common);
        continue;
      }
      if (
        h.kind === 'word' &&
        ['disk', 'net', 'syncer', 'startup', 'options', 'handlers', 'proxy'].includes(h.text)
      ) {
        if (this.v83 && h.text === 'options') {
          this.not83(h, 'the `common` section');
          continue;
        }
        const sec = this.section(sc, h.text as SectionKind, common.sections, `common`);
        if (sec) common.sections.push(sec);
        continue;
      }
      this.unknownKeyword(
        h,
        ['protocol', 'disk', 'net', 'startup', 'options', 'handlers', 'proxy'],
        'the `common` section',
      );
    }
  }

  private protocolStmt(c: Cursor, target: { protocol?: string }) {
    const t = c.next();
    if (!t || t.kind === 'bad') {
      const f = t ?? c.foundToken();
      this.err(
        CODES.syntax,
        `Expected \`A\`, \`B\` or \`C\`, found ${describe(f)}`,
        f ? spanOf(f) : c.endSpan(),
      );
      return;
    }
    if (!this.expectEnd(c)) return;
    const v = unquote(t);
    if (!['A', 'B', 'C'].includes(v.toUpperCase())) {
      this.err(CODES.badValue, `Invalid protocol \`${v}\`: expected \`A\`, \`B\` or \`C\``, spanOf(t));
      return;
    }
    if (target.protocol !== undefined) {
      this.err(CODES.duplicate, 'Duplicate `protocol` statement', spanOf(c.stmt));
      return;
    }
    target.protocol = v;
    protocolSpan.set(target, spanOf(c.stmt));
  }

  // ---------------------------------------------------------------- sections and options

  /** `KIND { option* }`; returns the section (also when some options were bad). */
  private section(
    c: Cursor,
    kind: SectionKind,
    existing: readonly DrbdSection[],
    where: string,
  ): DrbdSection | undefined {
    const head = c.stmt.words[0]!;
    const block = this.expectBlock(c);
    if (!block) return undefined;
    if (existing.some((s) => s.kind === kind)) {
      this.err(CODES.duplicate, `Duplicate \`${kind}\` section in ${where}`, spanOf(head));
      return undefined;
    }
    if (kind === 'syncer' && this.v === '8.4')
      this.warn(
        CODES.deprecated,
        'The `syncer` section is deprecated: drbdadm-84 moves its options to `disk`, `net` and `options`',
        spanOf(head),
      );
    const sec: DrbdSection = this.at({ kind, options: [] }, spanOf(c.stmt));
    this.sectionBody(block, sec);
    return sec;
  }

  /** Parses the options of a section block into `sec` (used for every option block). */
  sectionBody(block: BlockNode, sec: DrbdSection, peerDeviceOnly = false) {
    const kind = sec.kind;
    for (const s of this.statements(block)) {
      const h = s.words[0];
      if (!h) {
        this.err(CODES.syntax, 'Expected an option name, found `{`', spanOf(s.block!.open));
        continue;
      }
      if (kind === 'proxy' && h.kind === 'word' && h.text === 'plugin' && s.block) {
        if (!this.stmtSyntax(s)) continue;
        sec.plugins = sec.plugins ?? [];
        for (const ps of this.statements(s.block)) {
          if (ps.block) {
            this.err(CODES.syntax, 'Expected `;`, found `{`', spanOf(ps.block.open));
            continue;
          }
          if (!this.stmtSyntax(ps)) continue;
          sec.plugins.push(ps.words.map((w) => unquote(w)).join(' '));
        }
        continue;
      }
      if (!this.stmtSyntax(s)) continue;
      const opt = this.option(s, kind, peerDeviceOnly);
      if (opt) sec.options.push(opt);
    }
  }

  private option(s: StatementNode, kind: SectionKind, peerDeviceOnly: boolean): DrbdOption | undefined {
    const c = new Cursor(s);
    const head = c.next()!;
    const table = OPTION_TABLES[this.v][kind]!;
    let name = head.text;
    let negated = false;
    let spec: OptionSpec | undefined = head.kind === 'word' ? table.get(name) : undefined;
    if (!spec && head.kind === 'word' && name.startsWith('no-')) {
      const base = name.slice(3);
      const bs = table.get(base);
      if (bs && (this.v === '9' || NO_FLAGS_84.has(name))) {
        spec = bs;
        name = base;
        negated = true;
      }
    }
    if (spec && peerDeviceOnly && !spec.peerDevice) spec = undefined;
    if (!spec) {
      this.unknownOption(head, kind, peerDeviceOnly);
      return undefined;
    }
    if (this.v83 && !knownIn83(kind, head.text)) {
      const home = sectionsKnowing83(head.text);
      this.err(
        CODES.unknownOption,
        `Unknown option ${describe(head)} in ${kind === 'options' ? 'resource options' : `\`${kind}\` options`}`,
        spanOf(head),
        head.text === 'protocol'
          ? 'DRBD 8.3 takes `protocol` at resource level (or in `common`), not in `net`'
          : home.length > 0
            ? `In DRBD 8.3 \`${head.text}\` belongs in ${list(home.map((k) => `${k} { }`))}`
            : `\`${head.text}\` exists only in DRBD 8.4 and 9`,
      );
      return undefined;
    }
    // drbdadm-83's switches take no value (`allow-two-primaries;`, never `… yes;`)
    if (this.v83 && spec.type === 'bool' && s.words.length > 1) {
      const vt = s.words[1]!;
      this.err(
        CODES.syntax,
        `Expected \`;\`, found ${describe(vt)}`,
        spanOf(vt),
        `\`${head.text}\` takes no value in DRBD 8.3`,
      );
      return undefined;
    }
    if (s.block) {
      this.err(CODES.syntax, 'Expected `;`, found `{`', spanOf(s.block.open));
      return undefined;
    }
    const vals = s.words.slice(1);
    const span = spanOf(s);
    const base: DrbdOption = { name };
    if (negated) base.negated = true;
    this.at(base, span);
    if (spec.type === 'words') {
      if (vals.length === 0) {
        this.err(CODES.syntax, `Expected a host name after \`${name}\`, found \`;\``, spanOf(s.semi ?? head));
        return undefined;
      }
      for (const v of vals)
        if (v.kind !== 'word' && v.kind !== 'string') {
          this.err(CODES.syntax, `Expected a host name, found ${describe(v)}`, spanOf(v));
          return undefined;
        }
      return {
        ...base,
        value: unquote(vals[0]!),
        ...(vals.length > 1 ? { more: vals.slice(1).map((v) => unquote(v)) } : {}),
      };
    }
    if (vals.length > 1) {
      this.err(CODES.syntax, `Expected \`;\`, found ${describe(vals[1])}`, spanOf(vals[1]!));
      return undefined;
    }
    const vt = vals[0];
    if (this.v === '8.4') return this.value84(spec, base, head, vt);
    return this.value9(spec, base, head, vt);
  }

  private unknownOption(head: Token, kind: SectionKind, peerDeviceOnly: boolean) {
    const table = OPTION_TABLES[this.v][kind]!;
    const names = [...table.keys()].filter((k) => !peerDeviceOnly || table.get(k)!.peerDevice);
    const elsewhere =
      head.kind === 'word' ? sectionsKnowing(this.v, head.text).filter((k) => k !== kind) : [];
    const other: DrbdVersion = this.v === '9' ? '8.4' : '9';
    const inOther = head.kind === 'word' && OPTION_TABLES[other][kind]?.has(head.text);
    let note: string | undefined;
    if (head.kind === 'word' && Object.hasOwn(DRBD_07, head.text)) note = DRBD_07[head.text];
    else if (head.kind === 'word' && this.v === '9' && kind === 'disk' && head.text === 'fencing')
      note = 'DRBD 9 moved `fencing` to the `net` section';
    else if (elsewhere.length > 0)
      note = `\`${head.text}\` belongs in ${list(elsewhere.map((k) => `${k} { }`))}`;
    else if (inOther) note = `\`${head.text}\` exists only in DRBD ${other}`;
    else {
      const hint = head.kind === 'word' ? didYouMean(head.text, names) : undefined;
      if (hint !== undefined) note = `Did you mean \`${hint}\`?`;
    }
    const where = kind === 'options' ? 'resource options' : `\`${kind}\` options`;
    this.err(CODES.unknownOption, `Unknown option ${describe(head)} in ${where}`, spanOf(head), note);
  }

  private value84(
    spec: OptionSpec,
    base: DrbdOption,
    head: Token,
    vt: Token | undefined,
  ): DrbdOption | undefined {
    const name = base.name;
    if (spec.ignored) return { ...base, ...(vt ? { value: unquote(vt) } : {}) };
    if (spec.type === 'bool') {
      if (base.negated) {
        if (vt) {
          this.err(
            CODES.syntax,
            `Expected \`;\`, found ${describe(vt)}`,
            spanOf(vt),
            `\`no-${name}\` takes no value in DRBD 8.4`,
          );
          return undefined;
        }
        return base;
      }
      if (!vt) return base;
      if (vt.kind !== 'word' || (vt.text !== 'yes' && vt.text !== 'no')) {
        this.err(
          CODES.badValue,
          `Expected \`yes\`, \`no\` or \`;\` after \`${name}\`, found ${describe(vt)}`,
          spanOf(vt),
        );
        return undefined;
      }
      return { ...base, value: vt.text };
    }
    if (spec.type === 'flag') {
      if (vt) {
        this.err(CODES.syntax, `Expected \`;\`, found ${describe(vt)}`, spanOf(vt));
        return undefined;
      }
      return base;
    }
    if (!vt) {
      this.err(CODES.syntax, `Expected a value for \`${name}\`, found \`;\``, spanOf(head));
      return undefined;
    }
    const okKind =
      vt.kind === 'string' ||
      vt.kind === 'int' ||
      (vt.kind === 'word' && (!KEYWORDS['8.4'].has(vt.text) || vt.text === 'on'));
    if (!okKind) {
      this.err(
        CODES.syntax,
        `Expected a value for \`${name}\`, found ${describe(vt)}`,
        spanOf(vt),
        vt.kind === 'word' ? 'Quote values that are DRBD 8.4 keywords' : undefined,
      );
      return undefined;
    }
    const value = unquote(vt);
    // base is this option's own new object: complete it in place (same keys and order as a copy)
    const opt = base;
    opt.value = value;
    if (vt.kind === 'string') opt.quoted = true;
    if (name === 'protocol') {
      if (!['A', 'B', 'C'].includes(value.toUpperCase())) {
        this.err(CODES.badValue, `Invalid protocol \`${value}\`: expected \`A\`, \`B\` or \`C\``, spanOf(vt));
        return undefined;
      }
      return opt;
    }
    if (spec.type === 'num' && spec.range84) {
      const num = scaledValue(value, spec.scale);
      if (num === undefined) {
        this.err(CODES.badValue, `Invalid \`${name}\` \`${value}\`: expected a number`, spanOf(vt));
        return undefined;
      }
      if ((spec.min !== undefined && num < spec.min) || (spec.max !== undefined && num > spec.max)) {
        const u = spec.scale === '1' ? '' : spec.scale;
        this.err(
          CODES.range,
          `Invalid \`${name}\` \`${value}\` (${num}${u}): expected ${spec.min}${u} to ${spec.max}${u}`,
          spanOf(vt),
        );
        return undefined;
      }
    }
    return opt;
  }

  private value9(
    spec: OptionSpec,
    base: DrbdOption,
    _head: Token,
    vt: Token | undefined,
  ): DrbdOption | undefined {
    const name = base.name;
    if (!vt) {
      // DRBD 9 stores `NAME;` as `yes` and `no-NAME;` as `no`, for every option type.
      return base;
    }
    if (vt.kind === 'bad') {
      this.lexError(vt);
      return undefined;
    }
    const value = unquote(vt);
    // base is this option's own new object: complete it in place (same keys and order as a copy)
    const opt = base;
    opt.value = value;
    if (vt.kind === 'string') opt.quoted = true;
    const bad = (reason: string, note?: string) => {
      // never echo a secret, even an invalid one
      const shown = name === 'shared-secret' ? '' : ` \`${value}\``;
      this.err(CODES.badValue, `Invalid value${shown} for \`${name}\`: ${reason}`, spanOf(vt), note);
      return undefined;
    };
    switch (spec.type) {
      case 'bool':
        return value === 'yes' || value === 'no' ? opt : bad('expected `yes` or `no`');
      case 'enum': {
        const ok =
          name === 'protocol' ? spec.values!.includes(value.toUpperCase()) : spec.values!.includes(value);
        if (ok) return opt;
        const hint = didYouMean(value, spec.values!);
        return bad(
          `expected ${list(spec.values!)}`,
          hint !== undefined ? `Did you mean \`${hint}\`?` : undefined,
        );
      }
      case 'num':
      case 'enumnum': {
        if (spec.type === 'enumnum' && spec.values!.includes(value)) return opt;
        const num = scaledValue(value, spec.scale);
        if (num === undefined) return bad('expected a number');
        if (name === 'al-extents') return opt; // drbdadm 9 clamps instead of rejecting
        if (spec.min !== undefined && num < spec.min) return bad(`too small (minimum ${spec.min})`);
        if (spec.max !== undefined && num > spec.max) return bad(`too big (maximum ${spec.max})`);
        return opt;
      }
      case 'str':
        if (spec.maxLen !== undefined && value.length > spec.maxLen)
          return bad(`too long (at most ${spec.maxLen} characters)`);
        return opt;
      case 'flag':
        return opt;
      default:
        return opt;
    }
  }

  // ---------------------------------------------------------------- resources

  private resource(c: Cursor) {
    const head = c.stmt.words[0]!;
    this.resourceSeen = true;
    const nm = this.name(c, 'a resource name');
    if (!nm) return;
    const block = this.expectBlock(c);
    if (!block) return;
    if (/[\u0000-\u001f\u007f]/.test(nm.value)) {
      this.err(CODES.semantic, 'Invalid resource name: control characters are not allowed', spanOf(nm.token));
      return;
    }
    if (nm.value === '') {
      this.err(CODES.semantic, 'Invalid resource name: the name is empty', spanOf(nm.token));
      return;
    }
    const dup = !this.claimTopName(nm.value, spanOf(nm.token), 'resource');
    const r: DrbdResource = this.at(
      {
        name: nm.value,
        sections: [],
        volumes: [],
        hosts: [],
        connections: [],
        meshes: [],
      },
      spanOf(head, c.stmt),
    );
    resourceOpenOffset.set(r, block.open.start);
    const implicit: DrbdVolume = {};
    let implicitUsed = false;
    let sawVolume = false;
    for (const s of this.statements(block, `resource ${nm.value}`)) {
      const h = s.words[0];
      if (!h) {
        this.err(CODES.syntax, 'Expected a keyword, found `{`', spanOf(s.block!.open));
        continue;
      }
      if (h.kind === 'word' && h.text === 'skip') {
        if (this.v === '9') this.skip(s);
        else
          this.err(
            CODES.syntax,
            'Unexpected `skip` inside a resource: DRBD 8.4 allows `skip` only at the top level',
            spanOf(h),
          );
        continue;
      }
      if (!this.stmtSyntax(s)) continue;
      const sc = new Cursor(s);
      sc.next();
      const kw = h.kind === 'word' && RESOURCE_KEYWORDS[this.v].includes(h.text) ? h.text : '';
      if (this.v83 && (kw === 'volume' || kw === 'options')) {
        this.not83(h, `resource \`${r.name}\``);
        continue;
      }
      if (kw === 'volume') sawVolume = true;
      else if (sawVolume && this.implicitAfterVolume(s, kw)) continue;
      switch (kw) {
        case 'protocol':
          this.protocolStmt(sc, r);
          break;
        case 'on':
        case '_this_host':
        case '_remote_host': {
          const host = this.hostSection(sc, kw);
          if (host) r.hosts.push(host);
          break;
        }
        case 'floating': {
          const host = this.floating(sc);
          if (host) r.hosts.push(host);
          break;
        }
        case 'stacked-on-top-of': {
          const host = this.stacked(sc);
          if (host) r.hosts.push(host);
          break;
        }
        case 'ignore-on': {
          const n = this.name(sc, 'a host name');
          if (!n || !this.expectEnd(sc)) break;
          this.warn(CODES.deprecated, '`ignore-on` is deprecated', spanOf(h));
          if (r.hosts.some((x) => x.kind === 'on'))
            this.err(CODES.semantic, 'Expected `ignore-on` before any `on` host section', spanOf(h));
          r.ignoreOn = [...(r.ignoreOn ?? []), n.value];
          break;
        }
        case 'disk':
          if (s.block) {
            const sec = this.section(sc, 'disk', r.sections, `resource \`${r.name}\``);
            if (sec) r.sections.push(sec);
          } else if (this.diskStmt(sc, implicit, true)) implicitUsed = true;
          break;
        case 'net':
        case 'syncer':
        case 'startup':
        case 'options':
        case 'handlers':
        case 'proxy': {
          const sec = this.section(sc, kw as SectionKind, r.sections, `resource \`${r.name}\``);
          if (sec) r.sections.push(sec);
          break;
        }
        case 'device':
          if (this.deviceStmt(sc, implicit)) implicitUsed = true;
          break;
        case 'meta-disk':
        case 'flexible-meta-disk':
          if (this.metaDiskStmt(sc, implicit, kw === 'flexible-meta-disk', true)) implicitUsed = true;
          break;
        case 'volume': {
          const vol = this.volume(sc, 'resource');
          if (vol) r.volumes.push(vol);
          break;
        }
        case 'connection': {
          const conn = this.connection(sc);
          if (conn) r.connections.push(conn);
          break;
        }
        case 'connection-mesh': {
          const mesh = this.mesh(sc);
          if (mesh) r.meshes.push(mesh);
          break;
        }
        case 'template-file': {
          const t = sc.next();
          if (!t || (t.kind !== 'word' && t.kind !== 'string')) {
            const f = t ?? sc.foundToken();
            this.err(
              CODES.syntax,
              `Expected a file name, found ${describe(f)}`,
              f ? spanOf(f) : sc.endSpan(),
            );
            break;
          }
          if (!this.expectEnd(sc)) break;
          r.templateFile = unquote(t);
          this.readTemplate(r, t);
          break;
        }
        default:
          this.unknownKeyword(
            h,
            RESOURCE_KEYWORDS[this.v].filter((k) => !k.startsWith('_')),
            `resource \`${r.name}\``,
          );
      }
    }
    if (implicitUsed) {
      implicit.span = spanOf(head, c.stmt);
      r.volumes.unshift(implicit);
    }
    if (!dup) this.model.resources.push(r);
  }

  private hostSection(c: Cursor, kind: 'on' | '_this_host' | '_remote_host'): DrbdHost | undefined {
    const names: string[] = [];
    if (kind === 'on') {
      while (!c.done) {
        const n = this.name(c, 'a host name');
        if (!n) return undefined;
        names.push(n.value);
      }
      if (names.length === 0) {
        const f = c.foundToken();
        this.err(CODES.syntax, `Expected a host name, found ${describe(f)}`, f ? spanOf(f) : c.endSpan());
        return undefined;
      }
    }
    const block = this.expectBlock(c);
    if (!block) return undefined;
    const host: DrbdHost = this.at({ kind, names, volumes: [] }, spanOf(c.stmt));
    this.hostBody(block, host);
    return host;
  }

  private floating(c: Cursor): DrbdHost | undefined {
    const addr = this.endpoint(c);
    if (!addr) return undefined;
    const host: DrbdHost = this.at(
      {
        kind: 'floating',
        names: [],
        address: addr,
        volumes: [],
      },
      spanOf(c.stmt),
    );
    if (!c.done) {
      const t = c.peek()!;
      this.err(CODES.syntax, `Expected \`;\` or \`{\`, found ${describe(t)}`, spanOf(t));
      return undefined;
    }
    if (c.stmt.block) this.hostBody(c.stmt.block, host);
    return host;
  }

  private stacked(c: Cursor): DrbdHost | undefined {
    const n = this.name(c, 'a resource name');
    if (!n) return undefined;
    const block = this.expectBlock(c);
    if (!block) return undefined;
    const host: DrbdHost = this.at(
      {
        kind: 'stacked-on-top-of',
        names: [],
        lower: n.value,
        volumes: [],
      },
      spanOf(c.stmt),
    );
    this.hostBody(block, host);
    return host;
  }

  private hostBody(block: BlockNode, host: DrbdHost) {
    const implicit: DrbdVolume = {};
    let implicitUsed = false;
    let sawVolume = false;
    const allowed = HOST_KEYWORDS[this.v];
    const where =
      host.kind === 'on' ? `host section \`${host.names.join(' ')}\`` : `\`${host.kind}\` section`;
    for (const s of this.statements(block)) {
      const h = s.words[0];
      if (!h) {
        this.err(CODES.syntax, 'Expected a keyword, found `{`', spanOf(s.block!.open));
        continue;
      }
      if (h.kind === 'word' && h.text === 'skip' && this.v === '9' && host.kind !== 'stacked-on-top-of') {
        this.skip(s);
        continue;
      }
      if (!this.stmtSyntax(s)) continue;
      const sc = new Cursor(s);
      sc.next();
      const kw = h.kind === 'word' && allowed.includes(h.text) ? h.text : '';
      if (this.v83 && (kw === 'volume' || kw === 'options' || kw === 'alternate-link-address')) {
        this.not83(h, where);
        continue;
      }
      if (kw === 'volume') sawVolume = true;
      else if (sawVolume && this.implicitAfterVolume(s, kw)) continue;
      const dupStmt = (what: string) => {
        this.err(CODES.duplicate, `Duplicate \`${what}\` statement in ${where}`, spanOf(h));
      };
      switch (kw) {
        case 'disk':
          if (s.block) {
            // drbdadm counts `disk { … }` and `disk PATH;` in a host as the same statement
            if (implicit.diskOptions || implicit.disk !== undefined) {
              dupStmt('disk');
              break;
            }
            const block2 = this.expectBlock(sc);
            if (!block2) break;
            const sec: DrbdSection = this.at<DrbdSection>({ kind: 'disk', options: [] }, spanOf(s));
            this.sectionBody(block2, sec);
            implicit.diskOptions = sec;
            implicitUsed = true;
          } else if (implicit.disk !== undefined || implicit.diskOptions) dupStmt('disk');
          else if (this.diskStmt(sc, implicit)) implicitUsed = true;
          break;
        case 'device':
          if (implicit.device) dupStmt('device');
          else if (this.deviceStmt(sc, implicit)) implicitUsed = true;
          break;
        case 'meta-disk':
        case 'flexible-meta-disk':
          if (implicit.metaDisk) dupStmt('meta-disk');
          else if (this.metaDiskStmt(sc, implicit, kw === 'flexible-meta-disk')) implicitUsed = true;
          break;
        case 'address':
        case 'alternate-link-address': {
          if (host.kind === 'floating') {
            this.err(
              CODES.semantic,
              'Unexpected `address` in a `floating` section: the address is given after `floating`',
              spanOf(h),
            );
            break;
          }
          const a = this.endpoint(sc);
          if (!a || !this.expectEnd(sc)) break;
          if (kw === 'address') {
            if (host.address) dupStmt('address');
            else host.address = a;
          } else if (host.alternateLinkAddress) dupStmt('alternate-link-address');
          else host.alternateLinkAddress = a;
          break;
        }
        case 'node-id': {
          const t = sc.next();
          if (t?.kind !== 'int') {
            const f = t ?? sc.foundToken();
            this.err(CODES.syntax, `Expected a number, found ${describe(f)}`, f ? spanOf(f) : sc.endSpan());
            break;
          }
          if (!this.expectEnd(sc)) break;
          const id = scaledValue(t.text)!;
          if (id > 32) {
            this.err(CODES.range, `Invalid node-id \`${t.text}\`: expected 0 to 32`, spanOf(t));
            break;
          }
          if (host.nodeId !== undefined) dupStmt('node-id');
          else host.nodeId = id;
          break;
        }
        case 'proxy': {
          const p = this.proxyHost(sc);
          if (p) {
            if (host.proxy) dupStmt('proxy');
            else host.proxy = p;
          }
          break;
        }
        case 'volume': {
          const v = this.volume(sc, 'host');
          if (v) host.volumes.push(v);
          break;
        }
        case 'options': {
          const b2 = this.expectBlock(sc);
          if (!b2) break;
          if (host.options) {
            dupStmt('options');
            break;
          }
          const sec: DrbdSection = this.at({ kind: 'options', options: [] }, spanOf(s));
          this.sectionBody(b2, sec);
          host.options = sec;
          break;
        }
        default:
          this.unknownKeyword(
            h,
            allowed.filter((k) => k !== 'skip'),
            where,
          );
      }
    }
    if (implicitUsed) {
      implicit.span = spanOf(block);
      host.volumes.unshift(implicit);
    }
  }

  private proxyHost(c: Cursor): DrbdProxyHost | undefined {
    const on = c.next();
    if (on?.text !== 'on' || on.kind !== 'word') {
      const f = on ?? c.foundToken();
      this.err(CODES.syntax, `Expected \`on\`, found ${describe(f)}`, f ? spanOf(f) : c.endSpan());
      return undefined;
    }
    const names: string[] = [];
    while (!c.done) {
      const n = this.name(c, 'a host name');
      if (!n) return undefined;
      names.push(n.value);
    }
    const block = this.expectBlock(c);
    if (!block) return undefined;
    if (names.length === 0) {
      this.err(CODES.syntax, 'Expected a host name, found `{`', spanOf(block.open));
      return undefined;
    }
    const p: DrbdProxyHost = this.at({ names }, spanOf(c.stmt));
    for (const s of this.statements(block)) {
      const h = s.words[0];
      if (!h || !this.stmtSyntax(s)) continue;
      const sc = new Cursor(s);
      sc.next();
      if (h.text === 'inside' || h.text === 'outside') {
        const a = this.endpoint(sc);
        if (!a || !this.expectEnd(sc)) continue;
        if (h.text === 'inside') p.inside = a;
        else p.outside = a;
      } else if (h.text === 'options') {
        const b2 = this.expectBlock(sc);
        if (!b2) continue;
        const sec: DrbdSection = this.at({ kind: 'proxy', options: [] }, spanOf(s));
        this.sectionBody(b2, sec);
        p.options = sec;
      } else this.unknownKeyword(h, ['inside', 'outside', 'options'], 'the proxy section');
    }
    if (!p.inside)
      this.err(CODES.semantic, 'Missing `inside` address in the proxy section', spanOf(c.stmt.words[0]!));
    if (!p.outside)
      this.err(CODES.semantic, 'Missing `outside` address in the proxy section', spanOf(c.stmt.words[0]!));
    return p;
  }

  /** `[family] IP ":" PORT`, or `ipv6 [IP6]:PORT`. */
  private endpoint(c: Cursor): DrbdAddress | undefined {
    const first = c.peek();
    const start = first?.start ?? c.stmt.end;
    let family: DrbdAddress['family'];
    if (first && first.kind === 'word' && ['ipv4', 'ipv6', 'ssocks', 'sdp', 'sci'].includes(first.text)) {
      family = first.text as DrbdAddress['family'];
      c.next();
    }
    let ip: Token | undefined;
    if (family === 'ipv6') {
      const open = c.next();
      if (open?.kind !== '[') {
        const f = open ?? c.foundToken();
        this.err(
          CODES.syntax,
          `Expected \`[\`, found ${describe(f)}`,
          f ? spanOf(f) : c.endSpan(),
          'Write IPv6 addresses as `ipv6 [fd00::1]:7789`',
        );
        return undefined;
      }
      ip = c.next();
      if (!ip || (ip.kind !== 'ipv6' && ip.kind !== 'ipv4')) {
        const f = ip ?? c.foundToken();
        this.err(CODES.syntax, `Expected an IPv6 address, found ${describe(f)}`, f ? spanOf(f) : c.endSpan());
        return undefined;
      }
      const close = c.next();
      if (close?.kind !== ']') {
        const f = close ?? c.foundToken();
        this.err(CODES.syntax, `Expected \`]\`, found ${describe(f)}`, f ? spanOf(f) : c.endSpan());
        return undefined;
      }
    } else {
      ip = c.next();
      if (ip?.kind !== 'ipv4') {
        const f = ip ?? c.foundToken();
        const note =
          ip?.kind === 'ipv6'
            ? 'Write IPv6 addresses as `ipv6 [ADDRESS]:PORT`'
            : ip?.kind === 'word'
              ? 'drbdadm needs a literal IP address, not a host name'
              : undefined;
        this.err(
          CODES.syntax,
          `Expected an IP address, found ${describe(f)}`,
          f ? spanOf(f) : c.endSpan(),
          note,
        );
        return undefined;
      }
    }
    const colon = c.next();
    if (colon?.kind !== ':') {
      const f = colon ?? c.foundToken();
      this.err(CODES.syntax, `Expected \`:\`, found ${describe(f)}`, f ? spanOf(f) : c.endSpan());
      return undefined;
    }
    const port = c.next();
    if (port?.kind !== 'int') {
      const f = port ?? c.foundToken();
      this.err(CODES.syntax, `Expected a port number, found ${describe(f)}`, f ? spanOf(f) : c.endSpan());
      return undefined;
    }
    const pv = scaledValue(port.text)!;
    if (pv < 1 || pv > 65535) {
      this.err(CODES.range, `Invalid port \`${port.text}\`: expected 1 to 65535`, spanOf(port));
      return undefined;
    }
    return this.at(
      {
        ...(family ? { family } : {}),
        ip: ip.text,
        port: port.text,
      },
      { start, end: port.end },
    );
  }

  /**
   * Duplicate `disk`/`device`/`meta-disk` statements: drbdadm keeps the last one inside a
   * `volume N { }` section and (disk, meta-disk) at resource level, and rejects them in a host
   * section ("conflicting use of … statement"). `lastWins` selects the first behaviour; we warn.
   */
  private duplicateVolumeStmt(c: Cursor, what: string, lastWins: boolean): boolean {
    if (lastWins)
      this.warn(
        CODES.duplicate,
        `Duplicate \`${what}\` statement: the last one is used`,
        spanOf(c.stmt),
        'drbdadm keeps the last value and ignores the earlier one',
      );
    else this.err(CODES.duplicate, `Duplicate \`${what}\` statement`, spanOf(c.stmt));
    return lastWins;
  }

  private diskStmt(c: Cursor, vol: DrbdVolume, lastWins = false): boolean {
    const t = c.next();
    if (!t || (t.kind !== 'word' && t.kind !== 'string')) {
      const f = t ?? c.foundToken();
      this.err(
        CODES.syntax,
        `Expected a disk path or \`{\`, found ${describe(f)}`,
        f ? spanOf(f) : c.endSpan(),
      );
      return false;
    }
    if (!this.expectEnd(c)) return false;
    const v = unquote(t);
    if (v === 'none' && this.v === '8.4') {
      this.err(CODES.version, 'Unexpected `disk none`: diskless volumes need DRBD 9', spanOf(t));
      return false;
    }
    if (vol.disk !== undefined && !this.duplicateVolumeStmt(c, 'disk', lastWins)) return false;
    vol.disk = v;
    return true;
  }

  private deviceStmt(c: Cursor, vol: DrbdVolume, lastWins = false): boolean {
    let name: string | undefined;
    let minor: number | undefined;
    const t = c.next();
    if (t && t.kind === 'word' && t.text === 'minor') {
      const m = c.next();
      if (m?.kind !== 'int') {
        const f = m ?? c.foundToken();
        this.err(CODES.syntax, `Expected a minor number, found ${describe(f)}`, f ? spanOf(f) : c.endSpan());
        return false;
      }
      minor = scaledValue(m.text);
    } else if (t && (t.kind === 'word' || t.kind === 'string')) {
      name = unquote(t);
      if (!c.done) {
        const mk = c.next()!;
        if (mk.kind !== 'word' || mk.text !== 'minor') {
          this.err(CODES.syntax, `Expected \`minor\` or \`;\`, found ${describe(mk)}`, spanOf(mk));
          return false;
        }
        const m = c.next();
        if (m?.kind !== 'int') {
          const f = m ?? c.foundToken();
          this.err(
            CODES.syntax,
            `Expected a minor number, found ${describe(f)}`,
            f ? spanOf(f) : c.endSpan(),
          );
          return false;
        }
        minor = scaledValue(m.text);
      }
    } else {
      const f = t ?? c.foundToken();
      this.err(
        CODES.syntax,
        `Expected a device name or \`minor\`, found ${describe(f)}`,
        f ? spanOf(f) : c.endSpan(),
      );
      return false;
    }
    if (!this.expectEnd(c)) return false;
    if (vol.device && !this.duplicateVolumeStmt(c, 'device', lastWins)) return false;
    // Device name checks (reference §2.1 / §5 #15).
    const span = spanOf(c.stmt);
    if (name !== undefined) {
      const full = name.startsWith('drbd') ? `/dev/${name}` : name;
      const m = DRBD_DEVICE.exec(full);
      if (!full.startsWith('/dev/drbd')) {
        this.err(CODES.device, `Invalid device name \`${name}\`: it must start with \`/dev/drbd\``, span);
        return false;
      }
      if (minor === undefined && !m) {
        this.err(
          CODES.device,
          `Missing minor number: \`${name}\` contains none, so write \`device ${name} minor N;\``,
          span,
        );
        return false;
      }
      if (minor !== undefined && !m && !full.startsWith('/dev/drbd_')) {
        this.err(
          CODES.device,
          `Invalid device name \`${name}\`: an arbitrary name must start with \`/dev/drbd_\``,
          span,
        );
        return false;
      }
      if (minor !== undefined && m && Number(m[1]) !== minor) {
        this.err(
          CODES.device,
          `Expected minor ${m[1]} to match the device name \`${name}\`, found minor ${minor}`,
          span,
        );
        return false;
      }
    }
    const device: NonNullable<DrbdVolume['device']> = {};
    if (name !== undefined) device.name = name;
    if (minor !== undefined) device.minor = minor;
    vol.device = this.at(device, span);
    return true;
  }

  private metaDiskStmt(c: Cursor, vol: DrbdVolume, flexible: boolean, lastWins = false): boolean {
    const t = c.next();
    if (!t || (t.kind !== 'word' && t.kind !== 'string')) {
      const f = t ?? c.foundToken();
      this.err(
        CODES.syntax,
        `Expected \`internal\` or a device path, found ${describe(f)}`,
        f ? spanOf(f) : c.endSpan(),
      );
      return false;
    }
    const path = unquote(t);
    let index: number | undefined;
    if (!flexible && path !== 'internal' && c.peek()?.kind === '[') {
      c.next();
      const n = c.next();
      if (n?.kind !== 'int') {
        const f = n ?? c.foundToken();
        this.err(CODES.syntax, `Expected an index number, found ${describe(f)}`, f ? spanOf(f) : c.endSpan());
        return false;
      }
      const close = c.next();
      if (close?.kind !== ']') {
        const f = close ?? c.foundToken();
        this.err(CODES.syntax, `Expected \`]\`, found ${describe(f)}`, f ? spanOf(f) : c.endSpan());
        return false;
      }
      index = scaledValue(n.text);
    }
    if (this.v83 && !flexible && path !== 'internal' && index === undefined) {
      const f = c.peek() ?? c.foundToken();
      this.err(
        CODES.syntax,
        `Expected \`[\`, found ${describe(f)}`,
        f ? spanOf(f) : c.endSpan(),
        'DRBD 8.3 needs an index for an external meta-disk (`meta-disk /dev/sdb1 [0];`), or `flexible-meta-disk`',
      );
      return false;
    }
    if (!this.expectEnd(c)) return false;
    if (vol.metaDisk && !this.duplicateVolumeStmt(c, 'meta-disk', lastWins)) return false;
    delete vol.flexibleMetaDisk;
    vol.metaDisk =
      path === 'internal'
        ? { kind: 'internal' }
        : { kind: 'external', path, ...(index !== undefined ? { index } : {}) };
    if (flexible) vol.flexibleMetaDisk = true;
    return true;
  }

  private volume(c: Cursor, where: 'resource' | 'host'): DrbdVolume | undefined {
    const t = c.next();
    if (t?.kind !== 'int') {
      const f = t ?? c.foundToken();
      this.err(CODES.syntax, `Expected a volume number, found ${describe(f)}`, f ? spanOf(f) : c.endSpan());
      return undefined;
    }
    const block = this.expectBlock(c);
    if (!block) return undefined;
    const vol: DrbdVolume = this.at({ number: scaledValue(t.text)! }, spanOf(c.stmt));
    for (const s of this.statements(block)) {
      const h = s.words[0];
      if (!h) continue;
      if (h.kind === 'word' && h.text === 'skip' && this.v === '9') {
        this.skip(s);
        continue;
      }
      if (!this.stmtSyntax(s)) continue;
      const sc = new Cursor(s);
      sc.next();
      switch (h.kind === 'word' ? h.text : '') {
        case 'device':
          this.deviceStmt(sc, vol, true);
          break;
        case 'disk':
          if (s.block) {
            const b2 = this.expectBlock(sc);
            if (!b2) break;
            if (vol.diskOptions) {
              this.err(CODES.duplicate, 'Duplicate `disk { }` section in the volume', spanOf(h));
              break;
            }
            const sec: DrbdSection = this.at<DrbdSection>({ kind: 'disk', options: [] }, spanOf(s));
            this.sectionBody(b2, sec);
            vol.diskOptions = sec;
          } else this.diskStmt(sc, vol, true);
          break;
        case 'meta-disk':
        case 'flexible-meta-disk':
          this.metaDiskStmt(sc, vol, h.text === 'flexible-meta-disk', true);
          break;
        default:
          this.unknownKeyword(h, ['device', 'disk', 'meta-disk'], `volume ${vol.number}`);
      }
    }
    void where;
    return vol;
  }

  private connection(c: Cursor): DrbdConnection | undefined {
    const connErrorsBefore = this.errorCount();
    let name: string | undefined;
    if (!c.done) {
      const n = this.name(c, 'a connection name or `{`');
      if (!n) return undefined;
      name = n.value;
      this.warn(
        CODES.deprecated,
        `Named connections are deprecated: the name \`${name}\` is ignored`,
        spanOf(n.token),
      );
    }
    const block = this.expectBlock(c);
    if (!block) return undefined;
    const conn: DrbdConnection = this.at(
      {
        ...(name !== undefined ? { name } : {}),
        endpoints: [],
        paths: [],
        volumes: [],
      },
      spanOf(c.stmt),
    );
    for (const s of this.statements(block)) {
      const h = s.words[0];
      if (!h) continue;
      if (h.kind === 'word' && h.text === 'skip') {
        this.skip(s);
        continue;
      }
      if (!this.stmtSyntax(s)) continue;
      const sc = new Cursor(s);
      sc.next();
      switch (h.kind === 'word' ? h.text : '') {
        case 'host':
        case 'address': {
          const ep = this.hnameAddr(sc, h);
          if (!ep) break;
          if (conn.endpoints.length >= 2) {
            this.err(
              CODES.semantic,
              'Unexpected third endpoint: only two `host` statements per connection are allowed',
              spanOf(h),
            );
            break;
          }
          if (conn.paths.length > 0) {
            this.err(
              CODES.semantic,
              'Unexpected `host` after a `path`: explicit and implicit paths are not allowed together',
              spanOf(h),
            );
            break;
          }
          conn.endpoints.push(ep);
          break;
        }
        case 'path': {
          const b2 = this.expectBlock(sc);
          if (!b2) break;
          const path: DrbdConnection['paths'][number] = this.at({ endpoints: [] }, spanOf(s));
          const errorsBefore = this.errorCount();
          for (const ps of this.statements(b2)) {
            const ph = ps.words[0];
            if (!ph || !this.stmtSyntax(ps)) continue;
            const pc = new Cursor(ps);
            pc.next();
            if (ph.text !== 'host' && ph.text !== 'address') {
              this.unknownKeyword(ph, ['host', 'address'], 'the `path` section');
              continue;
            }
            const ep = this.hnameAddr(pc, ph);
            if (!ep) continue;
            if (path.endpoints.length >= 2) {
              this.err(
                CODES.semantic,
                'Unexpected third endpoint: only two `host` statements per path are allowed',
                spanOf(ph),
              );
              continue;
            }
            path.endpoints.push(ep);
          }
          // a path whose statements were already reported is not also "missing" an endpoint
          if (path.endpoints.length !== 2 && this.errorCount() === errorsBefore)
            this.err(CODES.semantic, 'Expected two endpoints in this `path`', spanOf(h));
          conn.paths.push(path);
          break;
        }
        case 'net': {
          const b2 = this.expectBlock(sc);
          if (!b2) break;
          if (conn.net) {
            this.err(CODES.duplicate, 'Duplicate `net` section in the connection', spanOf(h));
            break;
          }
          conn.net = this.at<DrbdSection>({ kind: 'net', options: [] }, spanOf(s));
          this.sectionBody(b2, conn.net);
          break;
        }
        case 'disk': {
          const b2 = this.expectBlock(sc);
          if (!b2) break;
          if (conn.disk) {
            this.err(CODES.duplicate, 'Duplicate `disk` section in the connection', spanOf(h));
            break;
          }
          conn.disk = this.at<DrbdSection>({ kind: 'disk', options: [] }, spanOf(s));
          this.sectionBody(b2, conn.disk, true);
          break;
        }
        case 'volume': {
          const t = sc.next();
          if (t?.kind !== 'int') {
            const f = t ?? sc.foundToken();
            this.err(
              CODES.syntax,
              `Expected a volume number, found ${describe(f)}`,
              f ? spanOf(f) : sc.endSpan(),
            );
            break;
          }
          const b2 = this.expectBlock(sc);
          if (!b2) break;
          const cv: DrbdConnection['volumes'][number] = this.at(
            {
              number: scaledValue(t.text)!,
            },
            spanOf(s),
          );
          for (const vs of this.statements(b2)) {
            const vh = vs.words[0];
            if (!vh || !this.stmtSyntax(vs)) continue;
            if (vh.text !== 'disk' || !vs.block) {
              this.unknownKeyword(vh, ['disk'], `connection volume ${cv.number}`);
              continue;
            }
            cv.disk = this.at<DrbdSection>({ kind: 'disk', options: [] }, spanOf(vs));
            this.sectionBody(vs.block, cv.disk, true);
          }
          conn.volumes.push(cv);
          break;
        }
        default:
          this.unknownKeyword(h, ['host', 'path', 'net', 'disk', 'volume'], 'the connection');
      }
    }
    if (conn.paths.length === 0 && conn.endpoints.length !== 2 && this.errorCount() === connErrorsBefore)
      this.err(
        CODES.semantic,
        'Expected two endpoints in this connection',
        spanOf(c.stmt.words[0]!),
        'Write two `host NAME;` lines or `path { }` sections',
      );
    return conn;
  }

  private hnameAddr(c: Cursor, h: Token): DrbdEndpoint | undefined {
    const ep: DrbdEndpoint = this.at({}, spanOf(c.stmt));
    if (h.text === 'host') {
      const n = this.name(c, 'a host name');
      if (!n) return undefined;
      ep.host = n.value;
      const nx = c.peek();
      if (nx && nx.text === 'address' && nx.kind === 'word') {
        c.next();
        const a = this.endpoint(c);
        if (!a) return undefined;
        ep.address = a;
      } else if (nx && nx.text === 'port' && nx.kind === 'word') {
        c.next();
        const p = c.next();
        if (p?.kind !== 'int') {
          const f = p ?? c.foundToken();
          this.err(CODES.syntax, `Expected a port number, found ${describe(f)}`, f ? spanOf(f) : c.endSpan());
          return undefined;
        }
        ep.port = p.text;
      }
    } else {
      const a = this.endpoint(c);
      if (!a) return undefined;
      ep.address = a;
    }
    const via = c.peek();
    if (via && via.text === 'via' && via.kind === 'word') {
      c.next();
      const px = c.next();
      if (px?.text !== 'proxy') {
        const f = px ?? c.foundToken();
        this.err(CODES.syntax, `Expected \`proxy\`, found ${describe(f)}`, f ? spanOf(f) : c.endSpan());
        return undefined;
      }
      const p = this.proxyHost(c);
      if (!p) return undefined;
      ep.proxy = p;
      return ep;
    }
    if (
      !this.expectEnd(
        c,
        ep.host !== undefined && ep.address === undefined && ep.port === undefined
          ? '`address`, `port`, `via` or `;`'
          : '`via` or `;`',
      )
    )
      return undefined;
    return ep;
  }

  private mesh(c: Cursor): DrbdMesh | undefined {
    const block = this.expectBlock(c);
    if (!block) return undefined;
    const mesh: DrbdMesh = this.at({ hosts: [] }, spanOf(c.stmt));
    for (const s of this.statements(block)) {
      const h = s.words[0];
      if (!h || !this.stmtSyntax(s)) continue;
      const sc = new Cursor(s);
      sc.next();
      if (h.text === 'hosts') {
        while (!sc.done) {
          const n = this.name(sc, 'a host name');
          if (!n) break;
          mesh.hosts.push(n.value);
        }
        this.expectEnd(sc);
      } else if (h.text === 'net') {
        const b2 = this.expectBlock(sc);
        if (!b2) continue;
        if (mesh.net) {
          this.err(CODES.duplicate, 'Duplicate `net` section in the connection-mesh', spanOf(h));
          continue;
        }
        mesh.net = this.at<DrbdSection>({ kind: 'net', options: [] }, spanOf(s));
        this.sectionBody(b2, mesh.net);
      } else this.unknownKeyword(h, ['hosts', 'net'], 'the connection-mesh');
    }
    return mesh;
  }
}

/** Offset of the `{` after a resource name (dump's `# defined at FILE:LINE`). */
export const resourceOpenOffset = new WeakMap<DrbdResource, number>();
