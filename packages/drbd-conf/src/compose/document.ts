import { DiagnosticCollector } from '@ftkit/core';
import { contentOf, parseCst } from '../cst/parse-cst.js';
import type { DocumentNode, ItemNode, StatementNode } from '../cst/types.js';
import { CODES } from '../diagnostics.js';
import { TOP_KEYWORDS } from '../model/keywords.js';
import { composeCommon } from './common.js';
import { at, type ComposeContext, err, type ParsedFile, SOURCE } from './context.js';
import { Cursor, describe, spanOf } from './cursor.js';
import { composeGlobal } from './global.js';
import { canonicalPath, composeInclude } from './include.js';
import { composeResource } from './resource.js';
import {
  blockStatements,
  expectEnd,
  expected,
  list,
  reportStray,
  reportUnknownKeyword,
  skipContent,
  stmtSyntax,
} from './syntax.js';

/**
 * Composes one file's text (the main file, or an include at its position) into `ctx.model`,
 * reporting into a new collector for that file. Never throws on input.
 */
export function composeFile(
  ctx: ComposeContext,
  text: string,
  fileName: string | undefined,
  cst: DocumentNode = parseCst(text),
): ParsedFile {
  const d = new DiagnosticCollector(text, SOURCE, fileName, undefined, { overflowCode: CODES.tooMany });
  const pf: ParsedFile = { fileName, text, cst, diagnostics: d };
  ctx.files.push(pf);
  if (fileName !== undefined) ctx.seen.add(canonicalPath(ctx, fileName));
  const saved = { d: ctx.d, file: ctx.file, text: ctx.text };
  ctx.d = d;
  ctx.file = fileName;
  ctx.text = text;
  for (const item of contentOf(cst)) composeTopItem(ctx, item);
  ctx.d = saved.d;
  ctx.file = saved.file;
  ctx.text = saved.text;
  return pf;
}

/**
 * One top-level item: `global`, `common`, `resource`, `include`, `skip`,
 * `require-drbd-module-version-*`.
 */
export function composeTopItem(ctx: ComposeContext, item: ItemNode) {
  if (item.type === 'trivia') return;
  if (item.type === 'stray') return reportStray(ctx, item);
  const s = item;
  const head = s.words[0];
  if (!head) {
    err(
      ctx,
      CODES.syntax,
      `Expected ${list(TOP_KEYWORDS[ctx.v].slice(0, 5))}, found \`{\``,
      spanOf(s.block!.open),
    );
    if (s.block && !s.block.close) blockStatements(ctx, s.block);
    return;
  }
  if (head.kind === 'word' && head.text === 'skip') return composeSkip(ctx, s);
  if (!stmtSyntax(ctx, s)) {
    if (s.block && head.kind === 'word' && ['resource', 'global', 'common'].includes(head.text)) {
      // keep going into the block so one file reports many errors
    } else return;
  }
  const c = new Cursor(s);
  c.next();
  switch (head.kind === 'word' ? head.text : '') {
    case 'global':
      return composeGlobal(ctx, c);
    case 'common':
      return composeCommon(ctx, c);
    case 'resource':
      return composeResource(ctx, c);
    case 'include':
      return composeInclude(ctx, c);
    default:
      if (
        ctx.v === '9' &&
        head.text.startsWith('require-drbd-module-version-') &&
        TOP_KEYWORDS['9'].includes(head.text)
      ) {
        const ver = c.next();
        if (ver?.kind !== 'kmodvers') {
          expected(ctx, c, 'a version `X.Y.Z`', ver);
          return;
        }
        if (!expectEnd(ctx, c)) return;
        ctx.model.requires.push(
          at(
            ctx,
            {
              op: head.text.slice('require-drbd-module-version-'.length),
              version: ver.text,
            },
            spanOf(s),
          ),
        );
        return;
      }
      reportUnknownKeyword(ctx, head, TOP_KEYWORDS[ctx.v].slice(0, 5), 'the top level');
  }
}

/** A `skip … { }` statement: its content is lexed and checked for lexical errors, not read. */
export function composeSkip(ctx: ComposeContext, s: StatementNode) {
  // 8.4: at most one word (or string) before `{`.
  if (ctx.v === '8.4' && s.words.length > 2) {
    err(
      ctx,
      CODES.syntax,
      `Expected \`{\`, found ${describe(s.words[2])}`,
      spanOf(s.words[2]!),
      'DRBD 8.4 allows at most one word between `skip` and `{`',
    );
    return;
  }
  if (!s.block) {
    const f = s.semi;
    err(
      ctx,
      CODES.syntax,
      `Expected \`{\`, found ${describe(f)}`,
      f ? spanOf(f) : { start: s.end, end: s.end },
    );
    return;
  }
  skipContent(ctx, s);
}

/**
 * Records a top-level name (`what` says what it names); reports and returns `false` when it was
 * taken.
 */
export function claimTopName(
  ctx: ComposeContext,
  name: string,
  span: { start: number; end: number },
  what: string,
): boolean {
  const prev = ctx.topNames.get(name);
  if (prev) {
    ctx.d.error(CODES.duplicate, `Duplicate ${what} \`${name}\``, span, {
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
  ctx.topNames.set(name, ctx.file !== undefined ? { span, file: ctx.file } : { span });
  return true;
}
