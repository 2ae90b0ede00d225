import { CODES } from '../diagnostics.js';
import { GLOBAL_KEYWORDS } from '../model/keywords.js';
import { scaledValue } from '../model/options.js';
import type { DrbdConfig } from '../schema.js';
import { at, type ComposeContext, err, warn } from './context.js';
import { Cursor, spanOf } from './cursor.js';
import {
  blockStatements,
  expectBlock,
  expectEnd,
  expected,
  reportNot83,
  reportUnknownKeyword,
  stmtSyntax,
} from './syntax.js';

/**
 * The `global { }` section (cursor after `global`): usage-count, minor-count and the other
 * settings; at most one.
 */
export function composeGlobal(ctx: ComposeContext, c: Cursor) {
  const block = expectBlock(ctx, c);
  if (!block) return;
  if (ctx.model.global) {
    err(
      ctx,
      CODES.duplicate,
      'Duplicate `global` section',
      spanOf(c.stmt.words[0]!),
      'Only one `global` section is allowed',
    );
    return;
  }
  if (ctx.resourceSeen)
    warn(
      ctx,
      CODES.globalOrder,
      'Expected `global` before any `resource` section',
      spanOf(c.stmt.words[0]!),
      'drbdadm warns: put the global section in front of any resource section',
    );
  const g: NonNullable<DrbdConfig['global']> = at(ctx, {}, spanOf(c.stmt));
  ctx.model.global = g;
  for (const s of blockStatements(ctx, block)) {
    if (!stmtSyntax(ctx, s)) continue;
    const sc = new Cursor(s);
    const head = sc.next()!;
    const name = head.text;
    if (head.kind !== 'word' || !(GLOBAL_KEYWORDS as readonly string[]).includes(name)) {
      reportUnknownKeyword(ctx, head, GLOBAL_KEYWORDS, 'the `global` section');
      continue;
    }
    if (ctx.v83 && name.startsWith('cmd-timeout-')) {
      reportNot83(ctx, head, 'the `global` section');
      continue;
    }
    if (name === 'disable-ip-verification' || name === 'udev-always-use-vnr') {
      if (!expectEnd(ctx, sc)) continue;
      if (name === 'disable-ip-verification') g.disableIpVerification = true;
      else g.udevAlwaysUseVnr = true;
      continue;
    }
    const val = sc.next();
    if (name === 'usage-count') {
      if (val?.kind !== 'word' || !['yes', 'no', 'ask'].includes(val.text)) {
        expected(ctx, sc, '`yes`, `no` or `ask`', val);
        continue;
      }
      if (!expectEnd(ctx, sc)) continue;
      g.usageCount = val.text as 'yes' | 'no' | 'ask';
      continue;
    }
    if (val?.kind !== 'int') {
      expected(ctx, sc, 'a number', val);
      continue;
    }
    if (!expectEnd(ctx, sc)) continue;
    // drbdadm-83 allows 256 minors, 8.4 and 9 at most 255
    const [min, max] =
      name === 'minor-count' ? [1, ctx.v83 ? 256 : 255] : name === 'dialog-refresh' ? [0, 600] : [0, 900];
    const num = scaledValue(val.text)!;
    if (num < min || num > max) {
      err(ctx, CODES.range, `Invalid \`${name}\` \`${val.text}\`: expected ${min} to ${max}`, spanOf(val));
      continue;
    }
    if (name === 'minor-count') g.minorCount = val.text;
    else if (name === 'dialog-refresh') g.dialogRefresh = val.text;
    else if (name === 'cmd-timeout-short') g.cmdTimeoutShort = val.text;
    else if (name === 'cmd-timeout-medium') g.cmdTimeoutMedium = val.text;
    else g.cmdTimeoutLong = val.text;
  }
}
