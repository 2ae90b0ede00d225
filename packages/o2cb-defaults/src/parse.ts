import type { Diagnostic, ParseResult } from '@ftkit/core';
import { DiagnosticCollector } from '@ftkit/core';
import { parseCst } from './cst/parse-cst.js';
import type { O2cbCst } from './cst/types.js';
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

/**
 * Parses /etc/default/o2cb (or /etc/sysconfig/o2cb) text. Never throws: lines outside the
 * readable shell subset become recovery nodes with a diagnostic (`SHELL_SYNTAX` error,
 * `NONLITERAL_VALUE` or `UNSUPPORTED_LINE` warning) and set no variable in the model.
 */
export function parse(text: string, options: ParseOptions = {}): O2cbParseResult {
  const cst = parseCst(text);
  const dc = new DiagnosticCollector(text, SOURCE, options.fileName);
  for (const line of cst.lines) {
    if (line.type !== 'recovery') continue;
    const code =
      line.kind === 'syntax'
        ? 'SHELL_SYNTAX'
        : line.kind === 'nonliteral'
          ? 'NONLITERAL_VALUE'
          : 'UNSUPPORTED_LINE';
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
