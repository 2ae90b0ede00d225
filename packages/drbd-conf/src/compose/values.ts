import { didYouMean } from '@ftkit/core';
import { type Token, unquote } from '../cst/lexer.js';
import { CODES } from '../diagnostics.js';
import { KEYWORDS } from '../model/keywords.js';
import { type OptionSpec, scaledValue } from '../model/options.js';
import type { DrbdOption } from '../schema.js';
import { type ComposeContext, err } from './context.js';
import { describe, spanOf } from './cursor.js';
import { list, reportLexError } from './syntax.js';

/**
 * Reads an option's value as drbdadm 8.4 does (`vt` is the value token) and completes `base`;
 * `undefined` after an error.
 */
export function optionValue84(
  ctx: ComposeContext,
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
        err(
          ctx,
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
      err(
        ctx,
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
      err(ctx, CODES.syntax, `Expected \`;\`, found ${describe(vt)}`, spanOf(vt));
      return undefined;
    }
    return base;
  }
  if (!vt) {
    err(ctx, CODES.syntax, `Expected a value for \`${name}\`, found \`;\``, spanOf(head));
    return undefined;
  }
  const okKind =
    vt.kind === 'string' ||
    vt.kind === 'int' ||
    (vt.kind === 'word' && (!KEYWORDS['8.4'].has(vt.text) || vt.text === 'on'));
  if (!okKind) {
    err(
      ctx,
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
      err(ctx, CODES.badValue, `Invalid protocol \`${value}\`: expected \`A\`, \`B\` or \`C\``, spanOf(vt));
      return undefined;
    }
    return opt;
  }
  if (spec.type === 'num' && spec.range84) {
    const num = scaledValue(value, spec.scale);
    if (num === undefined) {
      err(ctx, CODES.badValue, `Invalid \`${name}\` \`${value}\`: expected a number`, spanOf(vt));
      return undefined;
    }
    if ((spec.min !== undefined && num < spec.min) || (spec.max !== undefined && num > spec.max)) {
      const u = spec.scale === '1' ? '' : spec.scale;
      err(
        ctx,
        CODES.range,
        `Invalid \`${name}\` \`${value}\` (${num}${u}): expected ${spec.min}${u} to ${spec.max}${u}`,
        spanOf(vt),
      );
      return undefined;
    }
  }
  return opt;
}

/**
 * Reads an option's value as drbdadm 9 does (`vt` is the value token) and completes `base`;
 * `undefined` after an error.
 */
export function optionValue9(
  ctx: ComposeContext,
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
    reportLexError(ctx, vt);
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
    err(ctx, CODES.badValue, `Invalid value${shown} for \`${name}\`: ${reason}`, spanOf(vt), note);
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
