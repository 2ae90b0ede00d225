import { dirname, isInside, normalizePath, resolvePath } from '@ftkit/core';
import { type Token, unquote } from '../cst/lexer.js';
import { CODES } from '../diagnostics.js';
import { RESOURCE_KEYWORDS } from '../model/keywords.js';
import type { SectionKind } from '../model/options.js';
import { templateCommon, templatePath } from '../model/template.js';
import type { DrbdResource, DrbdVolume } from '../schema.js';
import { composeConnection, composeMesh } from './connection.js';
import { at, type ComposeContext, createComposeContext, err, warn } from './context.js';
import { Cursor, spanOf } from './cursor.js';
import { claimTopName, composeFile, composeSkip } from './document.js';
import { composeFloating, composeHost, composeStacked } from './host.js';
import { composeProtocol, composeSection } from './options.js';
import {
  blockStatements,
  expectBlock,
  expectEnd,
  expected,
  readName,
  reportNot83,
  reportUnknownKeyword,
  stmtSyntax,
} from './syntax.js';
import { composeDevice, composeDisk, composeMetaDisk, composeVolume, implicitAfterVolume } from './volume.js';

/** Offset of the `{` after a resource name (dump's `# defined at FILE:LINE`). */
export const resourceOpenOffset = new WeakMap<DrbdResource, number>();

/**
 * Reads a resource's `template-file` (with a reader): a file holding one `common` section that
 * drbdadm uses instead of the configuration's `common` for this resource. A file that cannot be
 * read is an error, as in drbdadm ("Failed to open template file"); so is other content.
 */
export function readTemplate(ctx: ComposeContext, r: DrbdResource, t: Token) {
  if (r.templateFile === undefined) return;
  const base = ctx.file?.startsWith('/') ? dirname(ctx.file) : '/';
  const abs = resolvePath(base, r.templateFile);
  if (ctx.file?.startsWith('/') || r.templateFile.startsWith('/')) templatePath.set(r, abs);
  const reader = ctx.opts.reader;
  if (!reader) return;
  const root = ctx.opts.root ?? '/';
  if (!isInside(root, abs)) {
    err(
      ctx,
      CODES.include,
      `Template file \`${r.templateFile}\` lies outside the allowed root \`${root}\``,
      spanOf(t),
    );
    return;
  }
  const text = reader.readFile(abs);
  if (text === undefined) {
    err(ctx, CODES.include, `Failed to open template file \`${r.templateFile}\``, spanOf(t));
    return;
  }
  const sub = createComposeContext({ drbdVersion: ctx.v, root });
  composeFile(sub, text, normalizePath(abs));
  ctx.files.push(...sub.files);
  const m = sub.model;
  if (!m.common || m.global || m.resources.length > 0 || m.includes.length > 0 || m.requires.length > 0) {
    err(
      ctx,
      CODES.include,
      `Invalid template file \`${r.templateFile}\`: it must hold exactly one \`common\` section`,
      spanOf(t),
    );
    return;
  }
  templateCommon.set(r, m.common);
}

/** A `resource NAME { }` section (cursor after `resource`), added to the model. */
export function composeResource(ctx: ComposeContext, c: Cursor) {
  const head = c.stmt.words[0]!;
  ctx.resourceSeen = true;
  const nm = readName(ctx, c, 'a resource name');
  if (!nm) return;
  const block = expectBlock(ctx, c);
  if (!block) return;
  if (/[\u0000-\u001f\u007f]/.test(nm.value)) {
    err(ctx, CODES.semantic, 'Invalid resource name: control characters are not allowed', spanOf(nm.token));
    return;
  }
  if (nm.value === '') {
    err(ctx, CODES.semantic, 'Invalid resource name: the name is empty', spanOf(nm.token));
    return;
  }
  const dup = !claimTopName(ctx, nm.value, spanOf(nm.token), 'resource');
  const r: DrbdResource = at(
    ctx,
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
  for (const s of blockStatements(ctx, block, `resource ${nm.value}`)) {
    const h = s.words[0];
    if (!h) {
      err(ctx, CODES.syntax, 'Expected a keyword, found `{`', spanOf(s.block!.open));
      continue;
    }
    if (h.kind === 'word' && h.text === 'skip') {
      if (ctx.v === '9') composeSkip(ctx, s);
      else
        err(
          ctx,
          CODES.syntax,
          'Unexpected `skip` inside a resource: DRBD 8.4 allows `skip` only at the top level',
          spanOf(h),
        );
      continue;
    }
    if (!stmtSyntax(ctx, s)) continue;
    const sc = new Cursor(s);
    sc.next();
    const kw = h.kind === 'word' && RESOURCE_KEYWORDS[ctx.v].includes(h.text) ? h.text : '';
    if (ctx.v83 && (kw === 'volume' || kw === 'options')) {
      reportNot83(ctx, h, `resource \`${r.name}\``);
      continue;
    }
    if (kw === 'volume') sawVolume = true;
    else if (sawVolume && implicitAfterVolume(ctx, s, kw)) continue;
    switch (kw) {
      case 'protocol':
        composeProtocol(ctx, sc, r);
        break;
      case 'on':
      case '_this_host':
      case '_remote_host': {
        const host = composeHost(ctx, sc, kw);
        if (host) r.hosts.push(host);
        break;
      }
      case 'floating': {
        const host = composeFloating(ctx, sc);
        if (host) r.hosts.push(host);
        break;
      }
      case 'stacked-on-top-of': {
        const host = composeStacked(ctx, sc);
        if (host) r.hosts.push(host);
        break;
      }
      case 'ignore-on': {
        const n = readName(ctx, sc, 'a host name');
        if (!n || !expectEnd(ctx, sc)) break;
        warn(ctx, CODES.deprecated, '`ignore-on` is deprecated', spanOf(h));
        if (r.hosts.some((x) => x.kind === 'on'))
          err(ctx, CODES.semantic, 'Expected `ignore-on` before any `on` host section', spanOf(h));
        r.ignoreOn = [...(r.ignoreOn ?? []), n.value];
        break;
      }
      case 'disk':
        if (s.block) {
          const sec = composeSection(ctx, sc, 'disk', r.sections, `resource \`${r.name}\``);
          if (sec) r.sections.push(sec);
        } else if (composeDisk(ctx, sc, implicit, true)) implicitUsed = true;
        break;
      case 'net':
      case 'syncer':
      case 'startup':
      case 'options':
      case 'handlers':
      case 'proxy': {
        const sec = composeSection(ctx, sc, kw as SectionKind, r.sections, `resource \`${r.name}\``);
        if (sec) r.sections.push(sec);
        break;
      }
      case 'device':
        if (composeDevice(ctx, sc, implicit)) implicitUsed = true;
        break;
      case 'meta-disk':
      case 'flexible-meta-disk':
        if (composeMetaDisk(ctx, sc, implicit, kw === 'flexible-meta-disk', true)) implicitUsed = true;
        break;
      case 'volume': {
        const vol = composeVolume(ctx, sc, 'resource');
        if (vol) r.volumes.push(vol);
        break;
      }
      case 'connection': {
        const conn = composeConnection(ctx, sc);
        if (conn) r.connections.push(conn);
        break;
      }
      case 'connection-mesh': {
        const mesh = composeMesh(ctx, sc);
        if (mesh) r.meshes.push(mesh);
        break;
      }
      case 'template-file': {
        const t = sc.next();
        if (!t || (t.kind !== 'word' && t.kind !== 'string')) {
          expected(ctx, sc, 'a file name', t);
          break;
        }
        if (!expectEnd(ctx, sc)) break;
        r.templateFile = unquote(t);
        readTemplate(ctx, r, t);
        break;
      }
      default:
        reportUnknownKeyword(
          ctx,
          h,
          RESOURCE_KEYWORDS[ctx.v].filter((k) => !k.startsWith('_')),
          `resource \`${r.name}\``,
        );
    }
  }
  if (implicitUsed) {
    implicit.span = spanOf(head, c.stmt);
    r.volumes.unshift(implicit);
  }
  if (!dup) ctx.model.resources.push(r);
}
