import type { BlockNode } from '../cst/types.js';
import { CODES } from '../diagnostics.js';
import { HOST_KEYWORDS } from '../model/keywords.js';
import { scaledValue } from '../model/options.js';
import type { DrbdHost, DrbdProxyHost, DrbdSection, DrbdVolume } from '../schema.js';
import { composeAddress } from './address.js';
import { at, type ComposeContext, err } from './context.js';
import { Cursor, describe, spanOf } from './cursor.js';
import { composeSkip } from './document.js';
import { composeSectionBody } from './options.js';
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

/**
 * An `on NAME… { }`, `_this_host { }` or `_remote_host { }` section of a resource (cursor after
 * the keyword).
 */
export function composeHost(
  ctx: ComposeContext,
  c: Cursor,
  kind: 'on' | '_this_host' | '_remote_host',
): DrbdHost | undefined {
  const names: string[] = [];
  if (kind === 'on') {
    while (!c.done) {
      const n = readName(ctx, c, 'a host name');
      if (!n) return undefined;
      names.push(n.value);
    }
    if (names.length === 0) {
      expected(ctx, c, 'a host name');
      return undefined;
    }
  }
  const block = expectBlock(ctx, c);
  if (!block) return undefined;
  const host: DrbdHost = at(ctx, { kind, names, volumes: [] }, spanOf(c.stmt));
  composeHostBody(ctx, block, host);
  return host;
}

/** A `floating ADDR { }` host section (cursor after `floating`). */
export function composeFloating(ctx: ComposeContext, c: Cursor): DrbdHost | undefined {
  const addr = composeAddress(ctx, c);
  if (!addr) return undefined;
  const host: DrbdHost = at(
    ctx,
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
    err(ctx, CODES.syntax, `Expected \`;\` or \`{\`, found ${describe(t)}`, spanOf(t));
    return undefined;
  }
  if (c.stmt.block) composeHostBody(ctx, c.stmt.block, host);
  return host;
}

/** A `stacked-on-top-of RESOURCE { }` host section (cursor after the keyword). */
export function composeStacked(ctx: ComposeContext, c: Cursor): DrbdHost | undefined {
  const n = readName(ctx, c, 'a resource name');
  if (!n) return undefined;
  const block = expectBlock(ctx, c);
  if (!block) return undefined;
  const host: DrbdHost = at(
    ctx,
    {
      kind: 'stacked-on-top-of',
      names: [],
      lower: n.value,
      volumes: [],
    },
    spanOf(c.stmt),
  );
  composeHostBody(ctx, block, host);
  return host;
}

/**
 * The statements of a host section's block into `host`: address, node-id, volumes, device, disk,
 * proxy.
 */
export function composeHostBody(ctx: ComposeContext, block: BlockNode, host: DrbdHost) {
  const implicit: DrbdVolume = {};
  let implicitUsed = false;
  let sawVolume = false;
  const allowed = HOST_KEYWORDS[ctx.v];
  const where = host.kind === 'on' ? `host section \`${host.names.join(' ')}\`` : `\`${host.kind}\` section`;
  for (const s of blockStatements(ctx, block)) {
    const h = s.words[0];
    if (!h) {
      err(ctx, CODES.syntax, 'Expected a keyword, found `{`', spanOf(s.block!.open));
      continue;
    }
    if (h.kind === 'word' && h.text === 'skip' && ctx.v === '9' && host.kind !== 'stacked-on-top-of') {
      composeSkip(ctx, s);
      continue;
    }
    if (!stmtSyntax(ctx, s)) continue;
    const sc = new Cursor(s);
    sc.next();
    const kw = h.kind === 'word' && allowed.includes(h.text) ? h.text : '';
    if (ctx.v83 && (kw === 'volume' || kw === 'options' || kw === 'alternate-link-address')) {
      reportNot83(ctx, h, where);
      continue;
    }
    if (kw === 'volume') sawVolume = true;
    else if (sawVolume && implicitAfterVolume(ctx, s, kw)) continue;
    const dupStmt = (what: string) => {
      err(ctx, CODES.duplicate, `Duplicate \`${what}\` statement in ${where}`, spanOf(h));
    };
    switch (kw) {
      case 'disk':
        if (s.block) {
          // drbdadm counts `disk { … }` and `disk PATH;` in a host as the same statement
          if (implicit.diskOptions || implicit.disk !== undefined) {
            dupStmt('disk');
            break;
          }
          const block2 = expectBlock(ctx, sc);
          if (!block2) break;
          const sec: DrbdSection = at<DrbdSection>(ctx, { kind: 'disk', options: [] }, spanOf(s));
          composeSectionBody(ctx, block2, sec);
          implicit.diskOptions = sec;
          implicitUsed = true;
        } else if (implicit.disk !== undefined || implicit.diskOptions) dupStmt('disk');
        else if (composeDisk(ctx, sc, implicit)) implicitUsed = true;
        break;
      case 'device':
        if (implicit.device) dupStmt('device');
        else if (composeDevice(ctx, sc, implicit)) implicitUsed = true;
        break;
      case 'meta-disk':
      case 'flexible-meta-disk':
        if (implicit.metaDisk) dupStmt('meta-disk');
        else if (composeMetaDisk(ctx, sc, implicit, kw === 'flexible-meta-disk')) implicitUsed = true;
        break;
      case 'address':
      case 'alternate-link-address': {
        if (host.kind === 'floating') {
          err(
            ctx,
            CODES.semantic,
            'Unexpected `address` in a `floating` section: the address is given after `floating`',
            spanOf(h),
          );
          break;
        }
        const a = composeAddress(ctx, sc);
        if (!a || !expectEnd(ctx, sc)) break;
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
          expected(ctx, sc, 'a number', t);
          break;
        }
        if (!expectEnd(ctx, sc)) break;
        const id = scaledValue(t.text)!;
        if (id > 32) {
          err(ctx, CODES.range, `Invalid node-id \`${t.text}\`: expected 0 to 32`, spanOf(t));
          break;
        }
        if (host.nodeId !== undefined) dupStmt('node-id');
        else host.nodeId = id;
        break;
      }
      case 'proxy': {
        const p = composeProxyHost(ctx, sc);
        if (p) {
          if (host.proxy) dupStmt('proxy');
          else host.proxy = p;
        }
        break;
      }
      case 'volume': {
        const v = composeVolume(ctx, sc, 'host');
        if (v) host.volumes.push(v);
        break;
      }
      case 'options': {
        const b2 = expectBlock(ctx, sc);
        if (!b2) break;
        if (host.options) {
          dupStmt('options');
          break;
        }
        const sec: DrbdSection = at(ctx, { kind: 'options', options: [] }, spanOf(s));
        composeSectionBody(ctx, b2, sec);
        host.options = sec;
        break;
      }
      default:
        reportUnknownKeyword(
          ctx,
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

/** A proxy's `on NAME { inside …; outside …; }` (cursor after `proxy`). */
export function composeProxyHost(ctx: ComposeContext, c: Cursor): DrbdProxyHost | undefined {
  const on = c.next();
  if (on?.text !== 'on' || on.kind !== 'word') {
    expected(ctx, c, '`on`', on);
    return undefined;
  }
  const names: string[] = [];
  while (!c.done) {
    const n = readName(ctx, c, 'a host name');
    if (!n) return undefined;
    names.push(n.value);
  }
  const block = expectBlock(ctx, c);
  if (!block) return undefined;
  if (names.length === 0) {
    err(ctx, CODES.syntax, 'Expected a host name, found `{`', spanOf(block.open));
    return undefined;
  }
  const p: DrbdProxyHost = at(ctx, { names }, spanOf(c.stmt));
  for (const s of blockStatements(ctx, block)) {
    const h = s.words[0];
    if (!h || !stmtSyntax(ctx, s)) continue;
    const sc = new Cursor(s);
    sc.next();
    if (h.text === 'inside' || h.text === 'outside') {
      const a = composeAddress(ctx, sc);
      if (!a || !expectEnd(ctx, sc)) continue;
      if (h.text === 'inside') p.inside = a;
      else p.outside = a;
    } else if (h.text === 'options') {
      const b2 = expectBlock(ctx, sc);
      if (!b2) continue;
      const sec: DrbdSection = at(ctx, { kind: 'proxy', options: [] }, spanOf(s));
      composeSectionBody(ctx, b2, sec);
      p.options = sec;
    } else reportUnknownKeyword(ctx, h, ['inside', 'outside', 'options'], 'the proxy section');
  }
  if (!p.inside)
    err(ctx, CODES.semantic, 'Missing `inside` address in the proxy section', spanOf(c.stmt.words[0]!));
  if (!p.outside)
    err(ctx, CODES.semantic, 'Missing `outside` address in the proxy section', spanOf(c.stmt.words[0]!));
  return p;
}
