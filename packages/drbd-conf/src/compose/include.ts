import { dirname, isInside, normalizePath, resolvePath } from '@ftkit/core';
import { unquote } from '../cst/lexer.js';
import { CODES } from '../diagnostics.js';
import { at, type ComposeContext, err, MAX_INCLUDE_DEPTH, warn } from './context.js';
import { type Cursor, spanOf } from './cursor.js';
import { composeFile } from './document.js';
import { expectEnd, expected } from './syntax.js';

/**
 * The path drbdadm would compare: symbolic links resolved when the reader can, so a directory
 * reached through two aliases is read once (as drbdadm does) instead of again for every alias.
 */
export function canonicalPath(ctx: ComposeContext, path: string): string {
  let c = ctx.realpaths.get(path);
  if (c === undefined) {
    c = ctx.opts.reader?.realpath?.(path) ?? normalizePath(path);
    ctx.realpaths.set(path, c);
  }
  return c;
}

/**
 * An `include PATTERN;` statement: recorded in the model and, with a reader, read at this
 * position.
 */
export function composeInclude(ctx: ComposeContext, c: Cursor) {
  const t = c.next();
  if (
    !t ||
    (t.kind !== 'word' &&
      t.kind !== 'string' &&
      t.kind !== 'int' &&
      t.kind !== 'ipv4' &&
      t.kind !== 'kmodvers')
  ) {
    expected(ctx, c, 'a file name or pattern', t);
    return;
  }
  if (!expectEnd(ctx, c)) return;
  const pattern = unquote(t);
  const span = spanOf(c.stmt);
  ctx.model.includes.push(at(ctx, { pattern }, span));
  const reader = ctx.opts.reader;
  if (!reader) return;
  const base = ctx.file?.startsWith('/') ? dirname(ctx.file) : '/';
  const abs = resolvePath(base, pattern);
  const main = ctx.opts.fileName;
  const root = ctx.opts.root ?? reader.root ?? (main?.startsWith('/') ? dirname(main) : '/');
  if (!isInside(root, abs)) {
    err(ctx, CODES.include, `Include \`${pattern}\` points outside the allowed root \`${root}\``, spanOf(t));
    return;
  }
  const isGlob = /[*?[]/.test(pattern);
  let paths = [abs];
  if (isGlob) {
    const cached = ctx.globs.get(abs);
    paths = cached ?? reader.glob(abs).filter((p) => isInside(root, p));
    if (!cached) ctx.globs.set(abs, paths);
  }
  for (const p of paths) {
    const key = canonicalPath(ctx, p);
    if (ctx.seen.has(key)) {
      if (
        !isGlob &&
        ctx.files.some((f) => f.fileName !== undefined && canonicalPath(ctx, f.fileName) === key)
      ) {
        warn(
          ctx,
          CODES.includeCycle,
          `File \`${pattern}\` is already included; drbdadm reads each file once`,
          spanOf(t),
        );
      }
      continue;
    }
    if (ctx.depth >= MAX_INCLUDE_DEPTH) {
      err(
        ctx,
        CODES.includeDepth,
        `Invalid include \`${pattern}\`: includes nest more than ${MAX_INCLUDE_DEPTH} files deep`,
        spanOf(t),
        'drbdadm keeps every including file open and fails with "Too many open files" near 1,000',
      );
      return;
    }
    const text = reader.readFile(p);
    if (text === undefined) {
      if (!isGlob) err(ctx, CODES.include, `Failed to open include file \`${pattern}\``, spanOf(t));
      continue;
    }
    ctx.depth++;
    try {
      composeFile(ctx, text, normalizePath(p));
    } finally {
      ctx.depth--;
    }
  }
}
