import type { Diagnostic, ParseResult } from '@ftkit/core';
import { DiagnosticCollector } from '@ftkit/core';
import { parseCst } from './cst/parse-cst.js';
import type { O2cbCst, RecoveryLine } from './cst/types.js';
import { SOURCE } from './diagnostics.js';
import type { O2cbDefaults } from './model/compose.js';
import { compose } from './model/compose.js';

/** Options of {@link parse}. */
export interface ParseOptions {
  /** The file name recorded on diagnostics. */
  readonly fileName?: string;
}

/** What {@link parse} returns. */
export type O2cbParseResult = ParseResult<O2cbCst, O2cbDefaults>;

/** The Diagnostics section of docs/o2cb-defaults.md, which lists every code. */
const DIAGNOSTICS_URL = 'https://github.com/ftkit/ftkit/blob/main/docs/o2cb-defaults.md#diagnostics';

/** ` (not set: `A`, `B`)` for the assignments at and after a fatal line, or `''`. */
function lostAssignments(cst: O2cbCst, fatal: RecoveryLine): string {
  const names: string[] = [];
  for (const l of cst.lines) {
    if (l.start < fatal.start) continue;
    const n = l.type === 'assignment' ? l.name.text : l.type === 'recovery' ? l.name?.text : undefined;
    if (n !== undefined && !names.includes(n)) names.push(n);
  }
  if (names.length === 0) return '';
  const shown = names.slice(0, 6).map((n) => `\`${n}\``);
  return ` (not set: ${shown.join(', ')}${names.length > 6 ? ', …' : ''})`;
}

/**
 * Parses /etc/default/o2cb (or /etc/sysconfig/o2cb) text. Never throws: lines outside the
 * readable shell subset become recovery nodes with a diagnostic (`o2cb/shell-syntax` error,
 * `o2cb/nonliteral-value` or `o2cb/unsupported-line` warning) and set no variable in the model.
 */
export function parse(text: string, options: ParseOptions = {}): O2cbParseResult {
  const cst = parseCst(text);
  const dc = new DiagnosticCollector(text, SOURCE, options.fileName, undefined, {
    overflowCode: 'o2cb/too-many-problems',
  });
  let stopped = false;
  for (const line of cst.lines) {
    if (line.type !== 'recovery' || stopped) continue;
    if (line.fatal) {
      // Nothing after a syntax error runs, so later lines get no diagnostics of their own.
      stopped = true;
      const lost = lostAssignments(cst, line);
      dc.add({
        code: 'o2cb/shell-syntax',
        severity: 'error',
        message: line.reason,
        span: line.problem,
        note: `bash stops reading the file here, so the init script goes on without this line and every line after it${lost}; dash (the Debian config script) exits`,
        url: DIAGNOSTICS_URL,
      });
      continue;
    }
    const code =
      line.kind === 'syntax'
        ? 'o2cb/shell-syntax'
        : line.kind === 'nonliteral'
          ? 'o2cb/nonliteral-value'
          : 'o2cb/unsupported-line';
    const note =
      line.kind === 'syntax'
        ? 'The init script prints an error and goes on without the variable; the Debian config script (`set -e`) aborts'
        : line.kind === 'nonliteral'
          ? 'The file is sourced by the init script as root, so expansions run there; ftkit does not evaluate them'
          : 'ftkit reads only `NAME=value` lines, comments and blank lines; this line is kept but not evaluated';
    dc.add({
      code,
      severity: line.kind === 'syntax' ? 'error' : 'warning',
      message: line.reason,
      span: line.problem,
      note,
      url: DIAGNOSTICS_URL,
    });
  }
  const diagnostics: Diagnostic[] = dc.items;
  return { cst, model: compose(cst), diagnostics };
}
