import { sortDiagnostics } from '../diagnostic.js';
import { redactReports } from '../redact.js';
import { locate, xmlEscape } from './paths.js';
import type { FileReport, ReportOptions } from './types.js';

/**
 * Checkstyle XML (as ESLint's `checkstyle` formatter writes it, read by Jenkins warnings-ng,
 * reviewdog and SonarQube): a `file` element per linted file and an `error` element per finding
 * with `line`, `column`, `severity` (`error`, `warning`, `info`), `message` and
 * `source="ftkit.<rule-or-code>"`.
 */
export function checkstyle(input: readonly FileReport[], options: ReportOptions = {}): string {
  const reports = redactReports(input, options.secrets);
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const r of reports) {
    const where = locate(r, undefined, options);
    const list = sortDiagnostics(r.diagnostics);
    const name = xmlEscape(where.relative ?? where.shown);
    if (list.length === 0) {
      out.push(`  <file name="${name}"/>`);
      continue;
    }
    out.push(`  <file name="${name}">`);
    for (const d of list) {
      out.push(
        `    <error line="${d.position.start.line}" column="${d.position.start.column}" severity="${d.severity}" message="${xmlEscape(d.message)}" source="${xmlEscape(`ftkit.${d.ruleId ?? d.code}`)}"/>`,
      );
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>', '');
  return out.join('\n');
}
