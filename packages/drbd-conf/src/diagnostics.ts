/**
 * Stable diagnostic codes of `@ftkit/drbd-conf` (lint findings use the rule id instead).
 * The table in docs/drbd-conf.md is written from this object.
 */
export const CODES = {
  /** A token that cannot start or continue a statement here: "Expected …, found …". */
  syntax: 'drbd/syntax',
  /** A `resource` or `common` still open at end of file (drbdadm closes it there). */
  unclosed: 'drbd/unclosed-at-eof',
  /** Unterminated string, string or word too long. */
  lexical: 'drbd/lexical',
  /** A statement keyword that is not known in this place. */
  unknownKeyword: 'drbd/unknown-keyword',
  /** An option name unknown in this section for this DRBD version. */
  unknownOption: 'drbd/unknown-option',
  /** A value of the wrong type (enum, boolean, number). */
  badValue: 'drbd/bad-value',
  /** A number outside its range after unit scaling. */
  range: 'drbd/range',
  /** A construct of the other DRBD version. */
  version: 'drbd/version',
  /** A section, statement or name given twice. */
  duplicate: 'drbd/duplicate',
  /** Device name or minor problems. */
  device: 'drbd/device',
  /** A cross-statement rule drbdadm enforces (hosts, volumes, connections, addresses). */
  semantic: 'drbd/semantic',
  /** Deprecated construct that still works. */
  deprecated: 'drbd/deprecated',
  /** `global` after a resource. */
  globalOrder: 'drbd/global-order',
  /** Include file missing or outside the root. */
  include: 'drbd/include',
  /** A file included a second time (skipped, like drbdadm). */
  includeCycle: 'drbd/include-cycle',
  /** Includes nested deeper than `MAX_INCLUDE_DEPTH`. */
  includeDepth: 'drbd/include-depth',
  /** More than `MAX_DIAGNOSTICS` (1000) problems in one file: the rest are counted in this one. */
  tooMany: 'drbd/too-many-problems',
  /** Lint assumed a DRBD version other than 9 from the content (info; says why). */
  versionAssumed: 'drbd/version-assumed',
  /** A bug in ftkit (parse never throws; please report it). */
  internal: 'drbd/internal',
} as const;

/** A code of {@link CODES}. */
export type DrbdCode = (typeof CODES)[keyof typeof CODES];

/** What each code means, for docs. */
export const CODE_DOCS: Readonly<Record<DrbdCode, string>> = {
  'drbd/syntax': 'The statement does not follow the grammar (missing `;`, `{`, a stray `}` …)',
  'drbd/unclosed-at-eof':
    'A `resource` or `common` section left open at end of file: drbdadm closes it there (warning)',
  'drbd/lexical': 'A string is not closed on its line, or a word/string is longer than drbdadm allows',
  'drbd/unknown-keyword': 'A statement keyword not allowed in this section (with a did-you-mean hint)',
  'drbd/unknown-option': 'An option unknown in this section or DRBD version (with where it belongs)',
  'drbd/bad-value': "A value outside the option's allowed set",
  'drbd/range': 'A number outside the allowed range after unit scaling',
  'drbd/version': 'A construct that the selected DRBD version does not support',
  'drbd/duplicate': 'A section, statement, resource, host, minor or address used twice',
  'drbd/device': 'A device name that is not `/dev/drbdN`, `/dev/drbd_NAME`, or disagrees with its minor',
  'drbd/semantic': 'A rule drbdadm checks across statements (hosts, volumes, node-ids, connections)',
  'drbd/deprecated': 'A construct that still works but is deprecated',
  'drbd/global-order': '`global` written after a resource (drbdadm warns)',
  'drbd/include': 'An include file that cannot be read, or that lies outside the allowed root',
  'drbd/include-cycle': 'A file included again (drbdadm reads every file once)',
  'drbd/include-depth':
    'Includes nested more than 512 files deep (drbdadm runs out of open files near 1,000)',
  'drbd/too-many-problems':
    'More than 1000 problems in one file (`MAX_DIAGNOSTICS`): the rest are counted in this one, placed at the first not listed',
  'drbd/version-assumed':
    'No version was given and the content chose DRBD 8.4 (info, with the construct that decided)',
  'drbd/internal': 'A bug in ftkit while reading the file (parse never throws); please report it',
};
