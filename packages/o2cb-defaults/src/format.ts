import type { FormatModule, FormatResult, TextEdit } from '@ftkit/core';
import { applyEdits } from '@ftkit/core';
import { parseCst } from './cst/parse-cst.js';
import { print } from './cst/print.js';
import type { O2cbCst } from './cst/types.js';
import { emit } from './emit.js';
import type { O2cbLintDoc } from './lint/doc.js';
import { lint, rules } from './lint/index.js';
import type { O2cbDefaults } from './model/compose.js';
import { parse } from './parse.js';
import { shellQuote } from './quote.js';

/**
 * Canonical spelling of each assignment line (no indentation, value quoted only when needed,
 * one space before a trailing comment); comments, blank lines, `export`, unknown variables and
 * lines ftkit cannot read are kept as they are. Lines ending in CR are left alone (lint fixes them).
 */
export function formatText(text: string, options: { fileName?: string } = {}): FormatResult {
  const { cst, diagnostics } = parse(text, options);
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

/** The descriptor `ftkit lint` / `ftkit fmt` use for /etc/default/o2cb and /etc/sysconfig/o2cb. */
export const o2cbDefaultsFormat = {
  name: 'o2cb-defaults',
  // inline `# ftkit-disable…` directives (applied by the caller until lint comes from defineFormat)
  comments: { line: '#' },
  description: 'OCFS2 O2CB cluster stack settings (/etc/default/o2cb, /etc/sysconfig/o2cb)',
  filePatterns: ['**/default/o2cb', '**/sysconfig/o2cb', '**/*.o2cb'],
  detect,
  parse: (text: string, options?: { fileName?: string }) => parse(text, options),
  parseCst,
  print,
  emit: (model: O2cbDefaults) => emit(model),
  lint,
  rules,
  format: formatText,
} satisfies FormatModule<O2cbCst, O2cbDefaults, O2cbLintDoc>;
