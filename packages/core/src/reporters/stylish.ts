import pc from 'picocolors';
import { codeFrame } from '../code-frame.js';
import { countBySeverity, sortDiagnostics } from '../diagnostic.js';
import { redactReports } from '../redact.js';
import type { FileReport, ReportOptions } from './types.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * ESLint-style output: a heading per file with findings, one aligned row per finding
 * (`line:col  severity  message  rule-or-code`), and a totals line. Empty string when clean.
 */
export function stylish(input: readonly FileReport[], options: ReportOptions = {}): string {
  const reports = redactReports(input, options.secrets);
  const c = pc.createColors(options.color === true);
  const out: string[] = [];
  const all = reports.flatMap((r) => r.diagnostics);
  for (const report of reports) {
    if (report.diagnostics.length === 0) continue;
    const rows = sortDiagnostics(report.diagnostics).map((d) => ({
      d,
      loc: `${d.position.start.line}:${d.position.start.column}`,
      id: d.ruleId ?? d.code,
    }));
    const locW = Math.max(...rows.map((r) => r.loc.length));
    const sevW = Math.max(...rows.map((r) => r.d.severity.length));
    const msgW = Math.max(...rows.map((r) => r.d.message.length));
    out.push(c.underline(report.file));
    for (const { d, loc, id } of rows) {
      const sev = d.severity.padEnd(sevW);
      const coloured =
        d.severity === 'error' ? c.red(sev) : d.severity === 'warning' ? c.yellow(sev) : c.blue(sev);
      out.push(`  ${c.dim(loc.padEnd(locW))}  ${coloured}  ${d.message.padEnd(msgW)}  ${c.dim(id)}`);
      if (d.note) out.push(`  ${' '.repeat(locW)}  ${' '.repeat(sevW)}  ${c.dim(d.note)}`);
      if (options.codeFrame && report.text !== undefined) {
        const frame = codeFrame(report.text, d.position, options.secrets ? { secrets: options.secrets } : {});
        out.push(...frame.split('\n').map((l) => c.dim(`    ${l}`)));
      }
    }
    out.push('');
  }
  if (all.length === 0) return '';
  const n = countBySeverity(all);
  const parts = [plural(n.error, 'error'), plural(n.warning, 'warning')];
  if (n.info > 0) parts.push(`${n.info} info`);
  const summary = `${n.error > 0 ? '✖' : '⚠'} ${plural(all.length, 'problem')} (${parts.join(', ')})`;
  out.push(n.error > 0 ? c.bold(c.red(summary)) : c.bold(c.yellow(summary)));
  const fixable = all.filter((d) => d.fix).length;
  if (fixable > 0 && options.fixHint)
    out.push(c.dim(`  ${plural(fixable, 'problem')} can be fixed with ${options.fixHint}`));
  return `${out.join('\n')}\n`;
}
