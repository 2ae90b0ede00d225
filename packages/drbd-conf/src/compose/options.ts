import { didYouMean } from '@ftkit/core';
import { type Token, unquote } from '../cst/lexer.js';
import type { BlockNode, StatementNode } from '../cst/types.js';
import { CODES } from '../diagnostics.js';
import { knownIn83, sectionsKnowing83 } from '../model/eight-three.js';
import {
  type DrbdVersion,
  NO_FLAGS_84,
  OPTION_TABLES,
  type OptionSpec,
  type SectionKind,
  sectionsKnowing,
} from '../model/options.js';
import { protocolSpan } from '../model/protocol-span.js';
import type { DrbdOption, DrbdSection } from '../schema.js';
import { at, type ComposeContext, err, warn } from './context.js';
import { Cursor, describe, spanOf } from './cursor.js';
import { blockStatements, DRBD_07, expectBlock, expectEnd, expected, list, stmtSyntax } from './syntax.js';
import { optionValue9, optionValue84 } from './values.js';

/** A `protocol A|B|C;` statement (cursor after `protocol`), stored on `target`. */
export function composeProtocol(ctx: ComposeContext, c: Cursor, target: { protocol?: string }) {
  const t = c.next();
  if (!t || t.kind === 'bad') {
    expected(ctx, c, '`A`, `B` or `C`', t);
    return;
  }
  if (!expectEnd(ctx, c)) return;
  const v = unquote(t);
  if (!['A', 'B', 'C'].includes(v.toUpperCase())) {
    err(ctx, CODES.badValue, `Invalid protocol \`${v}\`: expected \`A\`, \`B\` or \`C\``, spanOf(t));
    return;
  }
  if (target.protocol !== undefined) {
    err(ctx, CODES.duplicate, 'Duplicate `protocol` statement', spanOf(c.stmt));
    return;
  }
  target.protocol = v;
  protocolSpan.set(target, spanOf(c.stmt));
}

/** `KIND { option* }`; returns the section (also when some options were bad). */
export function composeSection(
  ctx: ComposeContext,
  c: Cursor,
  kind: SectionKind,
  existing: readonly DrbdSection[],
  where: string,
): DrbdSection | undefined {
  const head = c.stmt.words[0]!;
  const block = expectBlock(ctx, c);
  if (!block) return undefined;
  if (existing.some((s) => s.kind === kind)) {
    err(ctx, CODES.duplicate, `Duplicate \`${kind}\` section in ${where}`, spanOf(head));
    return undefined;
  }
  if (kind === 'syncer' && ctx.v === '8.4')
    warn(
      ctx,
      CODES.deprecated,
      'The `syncer` section is deprecated: drbdadm-84 moves its options to `disk`, `net` and `options`',
      spanOf(head),
    );
  const sec: DrbdSection = at(ctx, { kind, options: [] }, spanOf(c.stmt));
  composeSectionBody(ctx, block, sec);
  return sec;
}

/** Parses the options of a section block into `sec` (used for every option block). */
export function composeSectionBody(
  ctx: ComposeContext,
  block: BlockNode,
  sec: DrbdSection,
  peerDeviceOnly = false,
) {
  const kind = sec.kind;
  for (const s of blockStatements(ctx, block)) {
    const h = s.words[0];
    if (!h) {
      err(ctx, CODES.syntax, 'Expected an option name, found `{`', spanOf(s.block!.open));
      continue;
    }
    if (kind === 'proxy' && h.kind === 'word' && h.text === 'plugin' && s.block) {
      if (!stmtSyntax(ctx, s)) continue;
      sec.plugins = sec.plugins ?? [];
      for (const ps of blockStatements(ctx, s.block)) {
        if (ps.block) {
          err(ctx, CODES.syntax, 'Expected `;`, found `{`', spanOf(ps.block.open));
          continue;
        }
        if (!stmtSyntax(ctx, ps)) continue;
        sec.plugins.push(ps.words.map((w) => unquote(w)).join(' '));
      }
      continue;
    }
    if (!stmtSyntax(ctx, s)) continue;
    const opt = composeOption(ctx, s, kind, peerDeviceOnly);
    if (opt) sec.options.push(opt);
  }
}

/**
 * One option statement of a `kind` section, checked against the option table of the version read.
 */
export function composeOption(
  ctx: ComposeContext,
  s: StatementNode,
  kind: SectionKind,
  peerDeviceOnly: boolean,
): DrbdOption | undefined {
  const c = new Cursor(s);
  const head = c.next()!;
  const table = OPTION_TABLES[ctx.v][kind]!;
  let name = head.text;
  let negated = false;
  let spec: OptionSpec | undefined = head.kind === 'word' ? table.get(name) : undefined;
  if (!spec && head.kind === 'word' && name.startsWith('no-')) {
    const base = name.slice(3);
    const bs = table.get(base);
    if (bs && (ctx.v === '9' || NO_FLAGS_84.has(name))) {
      spec = bs;
      name = base;
      negated = true;
    }
  }
  if (spec && peerDeviceOnly && !spec.peerDevice) spec = undefined;
  if (!spec) {
    reportUnknownOption(ctx, head, kind, peerDeviceOnly);
    return undefined;
  }
  if (ctx.v83 && !knownIn83(kind, head.text)) {
    const home = sectionsKnowing83(head.text);
    err(
      ctx,
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
  if (ctx.v83 && spec.type === 'bool' && s.words.length > 1) {
    const vt = s.words[1]!;
    err(
      ctx,
      CODES.syntax,
      `Expected \`;\`, found ${describe(vt)}`,
      spanOf(vt),
      `\`${head.text}\` takes no value in DRBD 8.3`,
    );
    return undefined;
  }
  if (s.block) {
    err(ctx, CODES.syntax, 'Expected `;`, found `{`', spanOf(s.block.open));
    return undefined;
  }
  const vals = s.words.slice(1);
  const span = spanOf(s);
  const base: DrbdOption = { name };
  if (negated) base.negated = true;
  at(ctx, base, span);
  if (spec.type === 'words') {
    if (vals.length === 0) {
      err(ctx, CODES.syntax, `Expected a host name after \`${name}\`, found \`;\``, spanOf(s.semi ?? head));
      return undefined;
    }
    for (const v of vals)
      if (v.kind !== 'word' && v.kind !== 'string') {
        err(ctx, CODES.syntax, `Expected a host name, found ${describe(v)}`, spanOf(v));
        return undefined;
      }
    return {
      ...base,
      value: unquote(vals[0]!),
      ...(vals.length > 1 ? { more: vals.slice(1).map((v) => unquote(v)) } : {}),
    };
  }
  if (vals.length > 1) {
    err(ctx, CODES.syntax, `Expected \`;\`, found ${describe(vals[1])}`, spanOf(vals[1]!));
    return undefined;
  }
  const vt = vals[0];
  if (ctx.v === '8.4') return optionValue84(ctx, spec, base, head, vt);
  return optionValue9(ctx, spec, base, head, vt);
}

/**
 * Reports an option the `kind` section does not have, naming the section that has it or the
 * nearest name.
 */
export function reportUnknownOption(
  ctx: ComposeContext,
  head: Token,
  kind: SectionKind,
  peerDeviceOnly: boolean,
) {
  const table = OPTION_TABLES[ctx.v][kind]!;
  const names = [...table.keys()].filter((k) => !peerDeviceOnly || table.get(k)!.peerDevice);
  const elsewhere = head.kind === 'word' ? sectionsKnowing(ctx.v, head.text).filter((k) => k !== kind) : [];
  const other: DrbdVersion = ctx.v === '9' ? '8.4' : '9';
  const inOther = head.kind === 'word' && OPTION_TABLES[other][kind]?.has(head.text);
  let note: string | undefined;
  if (head.kind === 'word' && Object.hasOwn(DRBD_07, head.text)) note = DRBD_07[head.text];
  else if (head.kind === 'word' && ctx.v === '9' && kind === 'disk' && head.text === 'fencing')
    note = 'DRBD 9 moved `fencing` to the `net` section';
  else if (elsewhere.length > 0)
    note = `\`${head.text}\` belongs in ${list(elsewhere.map((k) => `${k} { }`))}`;
  else if (inOther) note = `\`${head.text}\` exists only in DRBD ${other}`;
  else {
    const hint = head.kind === 'word' ? didYouMean(head.text, names) : undefined;
    if (hint !== undefined) note = `Did you mean \`${hint}\`?`;
  }
  const where = kind === 'options' ? 'resource options' : `\`${kind}\` options`;
  err(ctx, CODES.unknownOption, `Unknown option ${describe(head)} in ${where}`, spanOf(head), note);
}
