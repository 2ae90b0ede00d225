import { sortDiagnostics } from '../diagnostic.js';
import { redactReports } from '../redact.js';
import { locate } from './paths.js';
import type { FileReport, ReportOptions } from './types.js';

const commands = { error: 'error', warning: 'warning', info: 'notice' } as const;

// GitHub's workflow-command escaping (actions/toolkit `command.ts`): the message escapes `%`,
// CR and LF; property values also `:` and `,`.
const escapeData = (s: string) => s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
const escapeProperty = (s: string) => escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');

/**
 * GitHub Actions workflow commands, one line per finding:
 * `::error file=etc/drbd.conf,line=3,endLine=3,col=5,endColumn=9,title=rule-id::message`
 * (`notice` for info). GitHub shows them as annotations on the pull request. `file` is relative to
 * `options.base` (set it to the repository root, the default working directory of a job).
 */
export function github(input: readonly FileReport[], options: ReportOptions = {}): string {
  const reports = redactReports(input, options.secrets);
  const lines: string[] = [];
  for (const r of reports) {
    for (const d of sortDiagnostics(r.diagnostics)) {
      const where = locate(r, d, options);
      const { start, end } = d.position;
      const props = [
        `file=${escapeProperty(where.relative ?? where.shown)}`,
        `line=${start.line}`,
        `endLine=${end.line}`,
        `col=${start.column}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(d.ruleId ?? d.code)}`,
      ];
      const text = d.note ? `${d.message}. ${d.note}` : d.message;
      lines.push(`::${commands[d.severity]} ${props.join(',')}::${escapeData(text)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
