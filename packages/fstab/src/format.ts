import type { FormatResult, TextEdit } from '@ftkit/core';
import { applyEdits, defineFormat } from '@ftkit/core';
import { parseCst } from './cst/parse-cst.js';
import { print } from './cst/print.js';
import type { EntryLine } from './cst/types.js';
import { SOURCE } from './diagnostics.js';
import { alignRows, emit } from './emit.js';
import { lintDoc } from './lint/doc.js';
import { ruleList, settings } from './lint/index.js';
import type { Fstab } from './model/compose.js';
import { entryProblem } from './model/compose.js';
import { parse } from './parse.js';

/**
 * Re-aligns the columns of every usable entry line (fields keep their exact text, only the
 * blanks between them change; no trailing blanks). Comments, blank lines and lines libmount
 * rejects or that carry extra fields are left as they are.
 */
export function format(text: string, options: { fileName?: string } = {}): FormatResult {
  const { cst, diagnostics } = parse(
    text,
    options.fileName !== undefined ? { fileName: options.fileName } : {},
  );
  const lines = cst.lines.filter(
    (l): l is EntryLine => l.type === 'entry' && entryProblem(l) === undefined && l.fields.length <= 6,
  );
  const aligned = alignRows(lines.map((l) => l.fields.map((f) => f.raw)));
  const edits: TextEdit[] = [];
  lines.forEach((l, i) => {
    if (aligned[i] !== l.raw) edits.push({ start: l.start, end: l.end, text: aligned[i]! });
  });
  return { text: applyEdits(text, edits), diagnostics };
}

function detect(path: string, text: string): number {
  if (/(^|\/)fstab$/.test(path) || /\.fstab$/.test(path)) return 1;
  return /^\s*(UUID=|LABEL=|\/dev\/)\S+\s+(\/\S*|none|swap)\s+\S+/m.test(text.slice(0, 4096)) ? 0.5 : 0;
}

/**
 * The descriptor of /etc/fstab, built with core's `defineFormat`: what `ftkit lint` and
 * `ftkit fmt` iterate over. Its `lint` parses, runs the enabled rules (typed ids, see
 * `fstabFormat.ruleIds`) with the `settings` declared here, sorts, caps at 1000 diagnostics
 * (`fstab/too-many-problems`) and with `fix: true` applies safe fixes until stable.
 */
export const fstabFormat = defineFormat({
  name: 'fstab',
  codePrefix: 'fstab',
  source: SOURCE,
  // inline `# ftkit-disable…` directives, applied by defineFormat's shared lint
  comments: { line: '#' },
  description: 'Filesystem table (/etc/fstab), with OCFS2, ext4 and XFS mount option checks',
  filePatterns: ['**/fstab', '**/*.fstab'],
  detect,
  parse: (text: string, options?: { fileName?: string }) => parse(text, options),
  parseCst,
  print,
  emit: (model: Fstab) => emit(model),
  format,
  rules: ruleList,
  settings,
  prepareLint(text, options) {
    const { cst, diagnostics } = parse(
      text,
      options.fileName !== undefined ? { fileName: options.fileName } : {},
    );
    return { doc: lintDoc(cst), diagnostics };
  },
});

/** The rule ids of fstab's lint rules (a literal union: a misspelled id is a type error). */
export type FstabRuleId = (typeof fstabFormat.ruleIds)[number];

/** Every fstab lint rule, by id. */
export const rules = fstabFormat.rules;

/**
 * Parses and lints fstab text. Settings: `heartbeatMode` (`local` | `global`, the cluster's
 * `heartbeat_mode` from cluster.conf) turns a contradicting `heartbeat=` into an error;
 * `systemd: false` silences `ocfs2-systemd-requires`. With `fix: true`, `output` has every safe
 * fix applied (repeatedly, until stable). Never throws on input; throws an `FtkitError` for an
 * unknown rule id or setting.
 */
export const lint = fstabFormat.lint;
