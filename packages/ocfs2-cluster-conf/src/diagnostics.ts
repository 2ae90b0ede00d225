import { shortenText } from '@ftkit/core';
/**
 * Diagnostic codes `parse` reports. Every one of them is an `error`: o2cb 1.8.7 refuses the whole
 * file (or crashes on it). Lint rules report with their rule id as code instead.
 *
 * | code | o2cb says | meaning |
 * | --- | --- | --- |
 * | `CRLF` | `Unknown code ____ 251` | a header or blank line ends in CR LF (attribute and comment lines may) |
 * | `BOM` | 251 | the file starts with a UTF-8 byte-order mark |
 * | `NUL` | — (silently cut) | a NUL byte truncates a value or ends the file for o2cb |
 * | `BLANK_IN_STANZA` | 251 | an empty or blank line is followed by more attributes |
 * | `INDENTED_COMMENT` | 251 | `#` after indentation |
 * | `HEADER_FORMAT` | 251 | `cluster :`, `cluster: x`, `node-x:`, `cluster` without `:` |
 * | `KEY_FORMAT` | 251 | `⇥ip port = 1`, `⇥name web`, `⇥= x` |
 * | `ATTRIBUTE_NOT_INDENTED` | 251 | `name = web` in column 1 (o2cb takes it for a header) |
 * | `ATTRIBUTE_OUTSIDE_STANZA` | 251 | an indented line before the first header |
 * | `INVALID_LINE` | 251 | a line starting with a character o2cb does not know (`;`, `[`, `-` …) |
 * | `ocfs2/too-many-problems` | 251 | more than 1000 syntax errors; the rest are counted, not listed |
 * | `CLUSTER_NAME_MISSING` | segfault | a `cluster:` stanza without `name` |
 * | `CLUSTER_DUPLICATE` | 254 | two `cluster:` stanzas with one name |
 * | `HEARTBEAT_MODE_INVALID` | 234 | `heartbeat_mode` other than `local`/`global` (any case) |
 * | `REQUIRED_MISSING` | 234 | missing or empty required attribute |
 * | `NUMBER_INVALID` | 234 | not a decimal number |
 * | `NUMBER_RANGE` | 222 | negative, or beyond what o2cb stores |
 * | `IP_ADDRESS_INVALID` | 234 | not a dotted-quad IPv4 address |
 * | `NODE_DUPLICATE` | 244 | two nodes with one name in a cluster |
 * | `REGION_DUPLICATE` | 244 | two heartbeat stanzas with one region in a cluster |
 */
export type ParseCode =
  | 'CRLF'
  | 'BOM'
  | 'NUL'
  | 'BLANK_IN_STANZA'
  | 'INDENTED_COMMENT'
  | 'HEADER_FORMAT'
  | 'KEY_FORMAT'
  | 'ATTRIBUTE_NOT_INDENTED'
  | 'ATTRIBUTE_OUTSIDE_STANZA'
  | 'INVALID_LINE'
  | 'ocfs2/too-many-problems'
  | 'CLUSTER_NAME_MISSING'
  | 'CLUSTER_DUPLICATE'
  | 'HEARTBEAT_MODE_INVALID'
  | 'REQUIRED_MISSING'
  | 'NUMBER_INVALID'
  | 'NUMBER_RANGE'
  | 'IP_ADDRESS_INVALID'
  | 'NODE_DUPLICATE'
  | 'REGION_DUPLICATE';

/** The package name recorded as `source` on diagnostics. */
export const SOURCE = '@ftkit/ocfs2-cluster-conf';

/** The suffix every parse error carries: the reason the finding is an error. */
export const REFUSES = ' (o2cb refuses the whole file)';

/**
 * What o2cb 1.8.7 prints for each failure: `Unknown code ____ NNN` is 256 minus the errno.
 * `crash` is the segfault on a cluster stanza without `name`.
 */
export type O2cbLoadCode = 251 | 234 | 222 | 254 | 244 | 'crash';

/** The o2cb code of each parse diagnostic (what `o2cb` would print for it). */
export const o2cbCodeOf: Readonly<Record<ParseCode, O2cbLoadCode | 'ignored'>> = {
  CRLF: 251,
  BOM: 251,
  // o2cb does not refuse a NUL: it silently cuts the value or the rest of the file. We do refuse it.
  NUL: 'ignored',
  BLANK_IN_STANZA: 251,
  INDENTED_COMMENT: 251,
  HEADER_FORMAT: 251,
  KEY_FORMAT: 251,
  ATTRIBUTE_NOT_INDENTED: 251,
  ATTRIBUTE_OUTSIDE_STANZA: 251,
  INVALID_LINE: 251,
  'ocfs2/too-many-problems': 251,
  CLUSTER_NAME_MISSING: 'crash',
  CLUSTER_DUPLICATE: 254,
  HEARTBEAT_MODE_INVALID: 234,
  REQUIRED_MISSING: 234,
  NUMBER_INVALID: 234,
  NUMBER_RANGE: 222,
  IP_ADDRESS_INVALID: 234,
  NODE_DUPLICATE: 244,
  REGION_DUPLICATE: 244,
};

/** Shows source text inside a message: backticks, control characters spelled out, long text cut. */
export function show(text: string, max = 40): string {
  const cut = shortenText(text, { max });
  return cut.replace(/[\u0000-\u001f\u007f\ufeff]/g, (c) => {
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    if (c === '\n') return '\\n';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

const rank = { error: 0, warning: 1, info: 2 } as const;

/**
 * Sorts diagnostics of one file by offset, then severity, then code. Same order as core's
 * `sortDiagnostics` for a single file, but without `localeCompare`, which dominated the time on
 * inputs with tens of thousands of findings (1 MB of garbage).
 */
export function sortByPosition<
  T extends { span: { start: number; end: number }; severity: keyof typeof rank; code: string },
>(list: readonly T[]): T[] {
  return [...list].sort(
    (a, b) =>
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      rank[a.severity] - rank[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
