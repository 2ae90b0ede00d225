import type { Diagnostic } from '@ftkit/core';
import { CODES } from './diagnostics.js';
import type { DrbdVersion } from './model/options.js';
import { type DrbdParseResult, type ParseOptions, parse } from './parse.js';

/** What {@link detectDrbdVersion} decided, and why. */
export interface DrbdVersionGuess {
  /** The version whose grammar reads the text (with its includes) with the fewest errors. */
  readonly version: DrbdVersion;
  /**
   * `'content'` when the other version rejects something this one accepts; `'default'` when
   * the text reads the same under both (DRBD 9, as `drbdadm` without a kernel module does).
   */
  readonly basis: 'content' | 'default';
  /** Plain words for users: which construct decided, e.g. "DRBD 9 rejects `rate` …". */
  readonly reason: string;
  /** The other version's first error about a construct of this one: where it is written. */
  readonly evidence?: Diagnostic;
  /** The parse under {@link version} (so callers need not parse again). */
  readonly result: DrbdParseResult;
}

const errorsOf = (r: DrbdParseResult) => r.diagnostics.filter((d) => d.severity === 'error');

/**
 * Errors that show a construct of the other version (`rate` in `syncer`, `node-id`, `disk none`
 * …): the parser's `drbd/version` errors and the "exists only in DRBD X" notes. Other errors
 * (a value too long for 9, a typo) say nothing about the version the file was written for.
 */
const versionEvidence = (errors: readonly Diagnostic[]) =>
  errors.filter((d) => d.code === CODES.version || /exists only in DRBD/.test(d.note ?? ''));

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

const because = (other: DrbdVersion, d: Diagnostic) =>
  `DRBD ${other} rejects it (${lowerFirst(d.message)}${d.note ? `: ${lowerFirst(d.note)}` : ''})`;

/**
 * Guesses the DRBD version a configuration was written for from its content. The text (with its
 * includes, when `options.reader` is given) is read with the DRBD 9 grammar and, when that
 * reports errors, with the 8.4 grammar too. A version is chosen by content when the other one
 * rejects a construct only this one has: 8.4-only constructs (`syncer { rate …; }`, removed
 * options, `ignore-on`) choose 8.4, 9-only ones (`node-id`, `connection`, `disk none`) choose 9;
 * with both kinds the version with fewer errors wins. Otherwise DRBD 9, as `drbdadm` does on a
 * host without an 8.4 kernel module. Never throws on user input.
 */
export function detectDrbdVersion(
  text: string,
  options: Omit<ParseOptions, 'drbdVersion'> = {},
): DrbdVersionGuess {
  const nine = parse(text, { ...options, drbdVersion: '9' });
  const nineErrors = errorsOf(nine);
  const byDefault = (reason: string): DrbdVersionGuess => ({
    version: '9',
    basis: 'default',
    reason,
    result: nine,
  });
  if (nineErrors.length === 0) return byDefault('DRBD 9 reads the file without errors');
  const for84 = versionEvidence(nineErrors);
  const old = parse(text, { ...options, drbdVersion: '8.4' });
  const oldErrors = errorsOf(old);
  const for9 = versionEvidence(oldErrors);
  const pick84 = for84.length > 0 && (for9.length === 0 || oldErrors.length < nineErrors.length);
  if (pick84)
    return {
      version: '8.4',
      basis: 'content',
      reason: because('9', for84[0]!),
      evidence: for84[0]!,
      result: old,
    };
  if (for9.length > 0)
    return {
      version: '9',
      basis: 'content',
      reason: because('8.4', for9[0]!),
      evidence: for9[0]!,
      result: nine,
    };
  return byDefault('nothing in the file belongs to one version only, and DRBD 9 is the default');
}
