import { CODES } from '../diagnostics.js';
import type { SectionKind } from '../model/options.js';
import type { DrbdCommon } from '../schema.js';
import { at, type ComposeContext, err } from './context.js';
import { Cursor, spanOf } from './cursor.js';
import { claimTopName, composeSkip } from './document.js';
import { composeProtocol, composeSection } from './options.js';
import { blockStatements, expectBlock, reportNot83, reportUnknownKeyword, stmtSyntax } from './syntax.js';

/**
 * The `common { }` section (cursor after `common`): options sections, `protocol`, `disk`; at most
 * one.
 */
export function composeCommon(ctx: ComposeContext, c: Cursor) {
  const block = expectBlock(ctx, c);
  if (!block) return;
  const head = c.stmt.words[0]!;
  if (ctx.model.common) {
    err(
      ctx,
      CODES.duplicate,
      'Duplicate `common` section',
      spanOf(head),
      'Only one `common` section is allowed',
    );
    return;
  }
  if (!claimTopName(ctx, 'common', spanOf(head), 'section')) return;
  const common: DrbdCommon = at(ctx, { sections: [] }, spanOf(c.stmt));
  ctx.model.common = common;
  for (const s of blockStatements(ctx, block, 'common')) {
    const h = s.words[0];
    if (!h) {
      err(ctx, CODES.syntax, 'Expected a section keyword, found `{`', spanOf(s.block!.open));
      continue;
    }
    if (h.kind === 'word' && h.text === 'skip' && ctx.v === '9') {
      composeSkip(ctx, s);
      continue;
    }
    if (!stmtSyntax(ctx, s)) continue;
    const sc = new Cursor(s);
    sc.next();
    if (h.kind === 'word' && ['on', 'floating', 'stacked-on-top-of'].includes(h.text)) {
      err(
        ctx,
        CODES.semantic,
        'Unexpected host section in `common`: host sections belong in a `resource`',
        spanOf(h),
      );
      continue;
    }
    if (h.kind === 'word' && h.text === 'protocol') {
      composeProtocol(ctx, sc, common);
      continue;
    }
    if (
      h.kind === 'word' &&
      ['disk', 'net', 'syncer', 'startup', 'options', 'handlers', 'proxy'].includes(h.text)
    ) {
      if (ctx.v83 && h.text === 'options') {
        reportNot83(ctx, h, 'the `common` section');
        continue;
      }
      const sec = composeSection(ctx, sc, h.text as SectionKind, common.sections, `common`);
      if (sec) common.sections.push(sec);
      continue;
    }
    reportUnknownKeyword(
      ctx,
      h,
      ['protocol', 'disk', 'net', 'startup', 'options', 'handlers', 'proxy'],
      'the `common` section',
    );
  }
}
