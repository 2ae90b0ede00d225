import type { FormatResult, TextEdit } from '@ftkit/core';
import { applyEdits, defineFormat } from '@ftkit/core';
import { parseCst } from './cst/parse-cst.js';
import { print } from './cst/print.js';
import { SOURCE } from './diagnostics.js';
import { emit } from './emit.js';
import { lintDoc } from './lint/doc.js';
import { ruleList, settings } from './lint/index.js';
import type { O2cbDefaults } from './model/compose.js';
import { parse } from './parse.js';
import { shellQuote } from './quote.js';

/**
 * Canonical spelling of each assignment line (no indentation, value quoted only when needed,
 * one space before a trailing comment); comments, blank lines, `export`, unknown variables and
 * lines ftkit cannot read are kept as they are. Lines ending in CR are left alone (lint fixes them).
 */
export function format(text: string, options: { fileName?: string } = {}): FormatResult {
  const { cst, diagnostics } = parse(
    text,
    options.fileName !== undefined ? { fileName: options.fileName } : {},
  );
  const edits: TextEdit[] = [];
  for (const l of cst.lines) {
    if (l.type !== 'assignment' || l.raw.endsWith('\r')) continue;
    const canonical = `${l.exportKeyword ? 'export ' : ''}${l.name.text}=${shellQuote(l.value.value)}${
      l.comment ? ` ${l.comment.text}` : ''
    }`;
    if (canonical !== l.raw) edits.push({ start: l.start, end: l.end, text: canonical });
  }
  return { text: applyEdits(text, edits), diagnostics };
}

/** Scores how much a text looks like an o2cb defaults file (0–1). */
function detect(path: string, text: string): number {
  if (/(^|\/)(default|sysconfig)\/o2cb$/.test(path) || /\.o2cb$/.test(path)) return 1;
  return /^\s*(export\s+)?O2CB_[A-Z_]+=/m.test(text.slice(0, 4096)) ? 0.6 : 0;
}

/**
 * The descriptor of /etc/default/o2cb and /etc/sysconfig/o2cb, built with core's
 * `defineFormat`: what `ftkit lint` and `ftkit fmt` iterate over. Its `lint` parses, runs the
 * enabled rules (typed ids, see `o2cbDefaultsFormat.ruleIds`) with the `settings` declared here,
 * sorts, caps at 1000 diagnostics (`o2cb/too-many-problems`) and with `fix: true` applies safe
 * fixes until stable.
 */
export const o2cbDefaultsFormat = defineFormat({
  name: 'o2cb-defaults',
  codePrefix: 'o2cb',
  source: SOURCE,
  // inline `# ftkit-disable…` directives, applied by defineFormat's shared lint
  comments: { line: '#' },
  description: 'OCFS2 O2CB cluster stack settings (/etc/default/o2cb, /etc/sysconfig/o2cb)',
  filePatterns: ['**/default/o2cb', '**/sysconfig/o2cb', '**/*.o2cb'],
  detect,
  parse: (text: string, options?: { fileName?: string }) => parse(text, options),
  parseCst,
  print,
  emit: (model: O2cbDefaults) => emit(model),
  format,
  rules: ruleList,
  settings,
  prepareLint(text, options) {
    const { cst, model, diagnostics } = parse(
      text,
      options.fileName !== undefined ? { fileName: options.fileName } : {},
    );
    return { doc: lintDoc(cst, model), diagnostics };
  },
});

/** The rule ids of o2cb-defaults' lint rules (a literal union: a misspelled id is a type error). */
export type O2cbRuleId = (typeof o2cbDefaultsFormat.ruleIds)[number];

/** Every o2cb-defaults lint rule, by id. */
export const rules = o2cbDefaultsFormat.rules;

/**
 * Parses and lints /etc/default/o2cb text: parse diagnostics plus every enabled rule. Settings:
 * `clusterNames` (the clusters of cluster.conf, for `bootcluster-unknown`) and `debian`
 * (boolean, for `debian-regenerated`). With `fix: true`, `output` is the text with all safe
 * fixes applied (repeatedly, until stable). Never throws on input; throws an `FtkitError` for an
 * unknown rule id or setting.
 */
export const lint = o2cbDefaultsFormat.lint;
