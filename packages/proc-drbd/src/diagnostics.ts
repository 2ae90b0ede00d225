import { DiagnosticCollector, FtkitError, shortenText } from '@ftkit/core';

/** The package name recorded as `source` on every diagnostic. */
export const SOURCE = '@ftkit/proc-drbd';

/**
 * The prefix of this package's diagnostic codes (`drbd-status/empty-input`): the package reads
 * DRBD's status in four shapes, not only /proc/drbd, and `drbd/` belongs to `@ftkit/drbd-conf`.
 */
export const CODE_PREFIX = 'drbd-status';

/** A collector for `text` whose summary of dropped diagnostics has this package's code. */
export function newCollector(text: string, fileName?: string): DiagnosticCollector {
  return new DiagnosticCollector(text, SOURCE, fileName, undefined, {
    overflowCode: `${CODE_PREFIX}/too-many-problems`,
  });
}

/**
 * Every diagnostic code this package emits while parsing (lint findings use the rule id).
 * The table in `docs/proc-drbd.md` lists them with their meaning.
 */
export const diagnosticCodes = {
  'drbd-status/empty-input': 'The input is empty',
  'drbd-status/missing-version-line': 'The first line of /proc/drbd is not a `version:` line',
  'drbd-status/unsupported-version': 'DRBD older than 8.0 (0.7 prints another layout); no device is read',
  'drbd-status/truncated-input': 'The read ended in the middle of a line; the incomplete device is left out',
  'drbd-status/missing-counter-line': 'A configured minor has no `ns:` counter line',
  'drbd-status/invalid-state-line': 'A device line does not have the `cs: ro: ds: P flags` shape',
  'drbd-status/invalid-counter': 'A counter value is not a number',
  'drbd-status/invalid-progress-line': 'A resync/verify progress line has an unknown shape',
  'drbd-status/unknown-line': 'A line that no DRBD version prints (kept as text)',
  'drbd-status/orphan-line': 'A detail line before any device line',
  'drbd-status/unindented-line':
    'A counter or progress line without its indentation (a copy lost it); read anyway',
  'drbd-status/duplicate-minor': 'A minor number appears twice',
  'drbd-status/minor-out-of-order': 'Minors are not in ascending order',
  'drbd-status/invalid-json': 'The `drbdsetup status --json` output is not valid JSON',
  'drbd-status/schema-mismatch': 'A value in the status JSON has an unexpected type',
  'drbd-status/invalid-status-line': 'A `drbdadm status` line has an unexpected shape',
  'drbd-status/invalid-event-line': 'An events2 line has an unexpected shape',
  'drbd-status/unknown-source': 'The text is none of /proc/drbd, status JSON, status text or events2',
  'drbd-status/too-many-problems':
    'More than 1000 problems in one file (`MAX_DIAGNOSTICS`): the rest are counted in this one',
  'drbd-status/drbd9-no-devices':
    'DRBD 9 lists no devices in /proc/drbd (info): read `drbdsetup status --json` or events2',
} as const;

/** A parse diagnostic code of this package. */
export type DiagnosticCode = keyof typeof diagnosticCodes;

/**
 * Codes of the `FtkitError`s this package throws: programmer errors only (a text that is not a
 * string, an unknown `source`), never a problem in the text. The docs page lists them.
 */
export const errorCodes = {
  'drbd-status/invalid-argument':
    'A function was called with a text that is not a string, or an option outside its values',
} as const;

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return 'bytes (decode them first, e.g. `String(chunk)`)';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `\`${shown(value)}\`` : typeof value;
}

/** Throws an `FtkitError` (`drbd-status/invalid-argument`) unless `value` is a string. */
export function checkText(value: unknown, name = 'text'): asserts value is string {
  if (typeof value !== 'string')
    throw new FtkitError(
      'drbd-status/invalid-argument',
      `Expected \`${name}\` to be a string, found ${describeValue(value)}`,
      { path: [name] },
    );
}

/** Throws an `FtkitError` (`drbd-status/invalid-argument`) unless `value` is one of `values`. */
export function checkOneOf<T extends string>(
  value: unknown,
  values: readonly T[],
  path: readonly string[],
): asserts value is T {
  if (!(values as readonly unknown[]).includes(value))
    throw new FtkitError(
      'drbd-status/invalid-argument',
      `Expected \`${path.join('.')}\` to be one of ${values.map((v) => `\`${v}\``).join(', ')}, found ${describeValue(value)}`,
      { path },
    );
}

/**
 * Source text as messages show it: core `shortenText` (40 code units, then `…`) with control
 * characters spelled out as `\xNN`. `max` is the longest text shown whole (default 40).
 */
export function shown(text: string, max = 40): string {
  return shortenText(text, { max, escapeControls: true });
}

/**
 * Options every source parser takes (`parseProcDrbd`, `parseStatusJson`, `parseStatusText`,
 * `parseEvents2`).
 */
export interface SourceParseOptions {
  /** The file name recorded on diagnostics. */
  readonly fileName?: string;
  /**
   * The collector to report into; the package's `parse` passes its own so that every source reports
   * through one. Without it the parser makes one for `text` (named `fileName`).
   */
  readonly diagnostics?: DiagnosticCollector;
}

/** The collector of `options`, or a new one for `text`. */
export function collectorFor(text: string, options: SourceParseOptions): DiagnosticCollector {
  return options.diagnostics ?? newCollector(text, options.fileName);
}
