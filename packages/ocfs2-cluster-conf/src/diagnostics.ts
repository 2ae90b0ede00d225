import { shortenText } from '@ftkit/core';
/**
 * Diagnostic codes `parse` reports. Every one of them is an `error`: o2cb 1.8.7 refuses the whole
 * file (or crashes on it). Lint rules report with their rule id as code instead.
 *
 * | code | o2cb says | meaning |
 * | --- | --- | --- |
 * | `ocfs2/crlf` | `Unknown code ____ 251` | a header or blank line ends in CR LF (attribute and comment lines may) |
 * | `ocfs2/bom` | 251 | the file starts with a UTF-8 byte-order mark |
 * | `ocfs2/nul` | — (silently cut) | a NUL byte truncates a value or ends the file for o2cb |
 * | `ocfs2/blank-in-stanza` | 251 | an empty or blank line is followed by more attributes |
 * | `ocfs2/indented-comment` | 251 | `#` after indentation |
 * | `ocfs2/header-format` | 251 | `cluster :`, `cluster: x`, `node-x:`, `cluster` without `:` |
 * | `ocfs2/key-format` | 251 | `⇥ip port = 1`, `⇥name web`, `⇥= x` |
 * | `ocfs2/attribute-not-indented` | 251 | `name = web` in column 1 (o2cb takes it for a header) |
 * | `ocfs2/attribute-outside-stanza` | 251 | an indented line before the first header |
 * | `ocfs2/invalid-line` | 251 | a line starting with a character o2cb does not know (`;`, `[`, `-` …) |
 * | `ocfs2/too-many-problems` | 251 | more than 1000 syntax errors; the rest are counted, not listed |
 * | `ocfs2/cluster-name-missing` | segfault | a `cluster:` stanza without `name` |
 * | `ocfs2/cluster-duplicate` | 254 | two `cluster:` stanzas with one name |
 * | `ocfs2/heartbeat-mode-invalid` | 234 | `heartbeat_mode` other than `local`/`global` (any case) |
 * | `ocfs2/required-missing` | 234 | missing or empty required attribute |
 * | `ocfs2/number-invalid` | 234 | not a decimal number |
 * | `ocfs2/number-range` | 222 | negative, or beyond what o2cb stores |
 * | `ocfs2/ip-address-invalid` | 234 | not a dotted-quad IPv4 address |
 * | `ocfs2/node-duplicate` | 244 | two nodes with one name in a cluster |
 * | `ocfs2/region-duplicate` | 244 | two heartbeat stanzas with one region in a cluster |
 */
export type ParseCode =
  | 'ocfs2/crlf'
  | 'ocfs2/bom'
  | 'ocfs2/nul'
  | 'ocfs2/blank-in-stanza'
  | 'ocfs2/indented-comment'
  | 'ocfs2/header-format'
  | 'ocfs2/key-format'
  | 'ocfs2/attribute-not-indented'
  | 'ocfs2/attribute-outside-stanza'
  | 'ocfs2/invalid-line'
  | 'ocfs2/too-many-problems'
  | 'ocfs2/cluster-name-missing'
  | 'ocfs2/cluster-duplicate'
  | 'ocfs2/heartbeat-mode-invalid'
  | 'ocfs2/required-missing'
  | 'ocfs2/number-invalid'
  | 'ocfs2/number-range'
  | 'ocfs2/ip-address-invalid'
  | 'ocfs2/node-duplicate'
  | 'ocfs2/region-duplicate';

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
  'ocfs2/crlf': 251,
  'ocfs2/bom': 251,
  // o2cb does not refuse a NUL: it silently cuts the value or the rest of the file. We do refuse it.
  'ocfs2/nul': 'ignored',
  'ocfs2/blank-in-stanza': 251,
  'ocfs2/indented-comment': 251,
  'ocfs2/header-format': 251,
  'ocfs2/key-format': 251,
  'ocfs2/attribute-not-indented': 251,
  'ocfs2/attribute-outside-stanza': 251,
  'ocfs2/invalid-line': 251,
  'ocfs2/too-many-problems': 251,
  'ocfs2/cluster-name-missing': 'crash',
  'ocfs2/cluster-duplicate': 254,
  'ocfs2/heartbeat-mode-invalid': 234,
  'ocfs2/required-missing': 234,
  'ocfs2/number-invalid': 234,
  'ocfs2/number-range': 222,
  'ocfs2/ip-address-invalid': 234,
  'ocfs2/node-duplicate': 244,
  'ocfs2/region-duplicate': 244,
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
