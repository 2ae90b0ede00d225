import { InvalidArgumentError, Option } from 'commander';

/** The DRBD versions `--drbd-version` accepts (the drbdadm parsers drbd-utils ships). */
export const DRBD_VERSIONS = ['9', '8.4', '8.3'] as const;

/** A value of `--drbd-version` (and of `--set drbdVersion=…`). */
export type CliDrbdVersion = (typeof DRBD_VERSIONS)[number];

/**
 * The accepted version a mistyped one most likely meant (`8.4.11` → `8.4`, `84` → `8.4`,
 * `9.2` → `9`, `v9` → `9`), or `undefined`.
 */
export function nearestDrbdVersion(value: string): CliDrbdVersion | undefined {
  const m = /^v?(\d)\.?(\d)?/i.exec(value.trim());
  if (!m) return undefined;
  if (m[1] === '9') return '9';
  if (m[1] === '8' && m[2] === '3') return '8.3';
  if (m[1] === '8') return '8.4';
  return undefined;
}

/**
 * Checks a `--drbd-version` value: `9`, `8.4` or `8.3` (numbers from `--set` JSON too). Anything
 * else throws commander's InvalidArgumentError, which exits 2 and names the nearest version.
 */
export function parseDrbdVersion(value: unknown): CliDrbdVersion {
  const text = String(value);
  if ((DRBD_VERSIONS as readonly string[]).includes(text)) return text as CliDrbdVersion;
  const near = nearestDrbdVersion(text);
  throw new InvalidArgumentError(
    `expected 9, 8.4 or 8.3${near !== undefined ? ` (did you mean ${near}?)` : ''}`,
  );
}

/** What commands that only know the 8.4 model (`drbd migrate`, `lab check`) say for DRBD 8.3. */
export const GRAMMAR_83_NOTE =
  'DRBD 8.3 files are read with the 8.4 grammar here: what only drbdadm-83 rejects is not reported';

/** The drbd-conf grammar for commands that know 9 and 8.4 only: 8.3 files are read as 8.4. */
export function grammarOf(v: CliDrbdVersion): '9' | '8.4' {
  return v === '9' ? '9' : '8.4';
}

/** The `--drbd-version <v>` option, without a default (the content decides when it is absent). */
export function drbdVersionOption(description: string): Option {
  return new Option('--drbd-version <v>', `${description} (9, 8.4 or 8.3)`).argParser(parseDrbdVersion);
}
