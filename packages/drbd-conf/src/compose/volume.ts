import { unquote } from '../cst/lexer.js';
import type { StatementNode } from '../cst/types.js';
import { CODES } from '../diagnostics.js';
import { scaledValue } from '../model/options.js';
import { DRBD_DEVICE } from '../model/volumes.js';
import type { DrbdSection, DrbdVolume } from '../schema.js';
import { at, type ComposeContext, err, warn } from './context.js';
import { Cursor, describe, spanOf } from './cursor.js';
import { composeSkip } from './document.js';
import { composeSectionBody } from './options.js';
import {
  blockStatements,
  expectBlock,
  expectEnd,
  expected,
  reportUnknownKeyword,
  stmtSyntax,
} from './syntax.js';

/**
 * A `device`, `disk PATH` or `meta-disk` statement (the implicit volume) after a `volume N { }`
 * section of the same level: drbdadm 9 and 8.4 reject it ("mixing explicit and implicit volumes
 * is not allowed"); before the first `volume` it is accepted. Reports and returns `true` then.
 */
export function implicitAfterVolume(ctx: ComposeContext, s: StatementNode, kw: string): boolean {
  const implicitStmt =
    kw === 'device' || kw === 'meta-disk' || kw === 'flexible-meta-disk' || (kw === 'disk' && !s.block);
  if (!implicitStmt) return false;
  err(
    ctx,
    CODES.semantic,
    `Unexpected \`${kw}\` after a \`volume\` section: explicit and implicit volumes cannot be mixed`,
    spanOf(s.words[0]!),
    'Put the statement inside a `volume N { }` section, or before the first one',
  );
  return true;
}

/**
 * Duplicate `disk`/`device`/`meta-disk` statements: drbdadm keeps the last one inside a
 * `volume N { }` section and (disk, meta-disk) at resource level, and rejects them in a host
 * section ("conflicting use of … statement"). `lastWins` selects the first behaviour; we warn.
 */
export function duplicateVolumeStmt(
  ctx: ComposeContext,
  c: Cursor,
  what: string,
  lastWins: boolean,
): boolean {
  if (lastWins)
    warn(
      ctx,
      CODES.duplicate,
      `Duplicate \`${what}\` statement: the last one is used`,
      spanOf(c.stmt),
      'drbdadm keeps the last value and ignores the earlier one',
    );
  else err(ctx, CODES.duplicate, `Duplicate \`${what}\` statement`, spanOf(c.stmt));
  return lastWins;
}

/**
 * A `disk PATH;` statement into `vol` (`lastWins`: a repeat replaces, as in `volume` sections);
 * `false` after an error.
 */
export function composeDisk(ctx: ComposeContext, c: Cursor, vol: DrbdVolume, lastWins = false): boolean {
  const t = c.next();
  if (!t || (t.kind !== 'word' && t.kind !== 'string')) {
    expected(ctx, c, 'a disk path or `{`', t);
    return false;
  }
  if (!expectEnd(ctx, c)) return false;
  const v = unquote(t);
  if (v === 'none' && ctx.v === '8.4') {
    err(ctx, CODES.version, 'Unexpected `disk none`: diskless volumes need DRBD 9', spanOf(t));
    return false;
  }
  if (vol.disk !== undefined && !duplicateVolumeStmt(ctx, c, 'disk', lastWins)) return false;
  vol.disk = v;
  return true;
}

/** A `device [NAME] [minor N];` statement into `vol`; `false` after an error. */
export function composeDevice(ctx: ComposeContext, c: Cursor, vol: DrbdVolume, lastWins = false): boolean {
  let name: string | undefined;
  let minor: number | undefined;
  const t = c.next();
  if (t && t.kind === 'word' && t.text === 'minor') {
    const m = c.next();
    if (m?.kind !== 'int') {
      expected(ctx, c, 'a minor number', m);
      return false;
    }
    minor = scaledValue(m.text);
  } else if (t && (t.kind === 'word' || t.kind === 'string')) {
    name = unquote(t);
    if (!c.done) {
      const mk = c.next()!;
      if (mk.kind !== 'word' || mk.text !== 'minor') {
        err(ctx, CODES.syntax, `Expected \`minor\` or \`;\`, found ${describe(mk)}`, spanOf(mk));
        return false;
      }
      const m = c.next();
      if (m?.kind !== 'int') {
        expected(ctx, c, 'a minor number', m);
        return false;
      }
      minor = scaledValue(m.text);
    }
  } else {
    expected(ctx, c, 'a device name or `minor`', t);
    return false;
  }
  if (!expectEnd(ctx, c)) return false;
  if (vol.device && !duplicateVolumeStmt(ctx, c, 'device', lastWins)) return false;
  // Device name checks (reference §2.1 / §5 #15).
  const span = spanOf(c.stmt);
  if (name !== undefined) {
    const full = name.startsWith('drbd') ? `/dev/${name}` : name;
    const m = DRBD_DEVICE.exec(full);
    if (!full.startsWith('/dev/drbd')) {
      err(ctx, CODES.device, `Invalid device name \`${name}\`: it must start with \`/dev/drbd\``, span);
      return false;
    }
    if (minor === undefined && !m) {
      err(
        ctx,
        CODES.device,
        `Missing minor number: \`${name}\` contains none, so write \`device ${name} minor N;\``,
        span,
      );
      return false;
    }
    if (minor !== undefined && !m && !full.startsWith('/dev/drbd_')) {
      err(
        ctx,
        CODES.device,
        `Invalid device name \`${name}\`: an arbitrary name must start with \`/dev/drbd_\``,
        span,
      );
      return false;
    }
    if (minor !== undefined && m && Number(m[1]) !== minor) {
      err(
        ctx,
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
  vol.device = at(ctx, device, span);
  return true;
}

/**
 * A `meta-disk` (or `flexible-meta-disk`) statement into `vol`: `internal`, or a device with an
 * optional index.
 */
export function composeMetaDisk(
  ctx: ComposeContext,
  c: Cursor,
  vol: DrbdVolume,
  flexible: boolean,
  lastWins = false,
): boolean {
  const t = c.next();
  if (!t || (t.kind !== 'word' && t.kind !== 'string')) {
    expected(ctx, c, '`internal` or a device path', t);
    return false;
  }
  const path = unquote(t);
  let index: number | undefined;
  if (!flexible && path !== 'internal' && c.peek()?.kind === '[') {
    c.next();
    const n = c.next();
    if (n?.kind !== 'int') {
      expected(ctx, c, 'an index number', n);
      return false;
    }
    const close = c.next();
    if (close?.kind !== ']') {
      expected(ctx, c, '`]`', close);
      return false;
    }
    index = scaledValue(n.text);
  }
  if (ctx.v83 && !flexible && path !== 'internal' && index === undefined) {
    expected(
      ctx,
      c,
      '`[`',
      c.peek(),
      'DRBD 8.3 needs an index for an external meta-disk (`meta-disk /dev/sdb1 [0];`), or `flexible-meta-disk`',
    );
    return false;
  }
  if (!expectEnd(ctx, c)) return false;
  if (vol.metaDisk && !duplicateVolumeStmt(ctx, c, 'meta-disk', lastWins)) return false;
  delete vol.flexibleMetaDisk;
  vol.metaDisk =
    path === 'internal'
      ? { kind: 'internal' }
      : { kind: 'external', path, ...(index !== undefined ? { index } : {}) };
  if (flexible) vol.flexibleMetaDisk = true;
  return true;
}

/** A `volume N { }` section (cursor after `volume`) of a resource or a host. */
export function composeVolume(
  ctx: ComposeContext,
  c: Cursor,
  where: 'resource' | 'host',
): DrbdVolume | undefined {
  const t = c.next();
  if (t?.kind !== 'int') {
    expected(ctx, c, 'a volume number', t);
    return undefined;
  }
  const block = expectBlock(ctx, c);
  if (!block) return undefined;
  const vol: DrbdVolume = at(ctx, { number: scaledValue(t.text)! }, spanOf(c.stmt));
  for (const s of blockStatements(ctx, block)) {
    const h = s.words[0];
    if (!h) continue;
    if (h.kind === 'word' && h.text === 'skip' && ctx.v === '9') {
      composeSkip(ctx, s);
      continue;
    }
    if (!stmtSyntax(ctx, s)) continue;
    const sc = new Cursor(s);
    sc.next();
    switch (h.kind === 'word' ? h.text : '') {
      case 'device':
        composeDevice(ctx, sc, vol, true);
        break;
      case 'disk':
        if (s.block) {
          const b2 = expectBlock(ctx, sc);
          if (!b2) break;
          if (vol.diskOptions) {
            err(ctx, CODES.duplicate, 'Duplicate `disk { }` section in the volume', spanOf(h));
            break;
          }
          const sec: DrbdSection = at<DrbdSection>(ctx, { kind: 'disk', options: [] }, spanOf(s));
          composeSectionBody(ctx, b2, sec);
          vol.diskOptions = sec;
        } else composeDisk(ctx, sc, vol, true);
        break;
      case 'meta-disk':
      case 'flexible-meta-disk':
        composeMetaDisk(ctx, sc, vol, h.text === 'flexible-meta-disk', true);
        break;
      default:
        reportUnknownKeyword(ctx, h, ['device', 'disk', 'meta-disk'], `volume ${vol.number}`);
    }
  }
  void where;
  return vol;
}
