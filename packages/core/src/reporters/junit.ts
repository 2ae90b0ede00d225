import { countBySeverity, sortDiagnostics } from '../diagnostic.js';
import { redactReports } from '../redact.js';
import { locate, xmlEscape } from './paths.js';
import type { FileReport, ReportOptions } from './types.js';

/**
 * JUnit XML (the Ant/Surefire dialect GitLab, Jenkins and most CI systems read): one `testsuite`
 * named `ftkit`, one `testcase` per linted file (clean files pass), and a `failure` for a file with
 * errors or warnings whose text lists each finding as `line:col severity message (rule)`.
 */
export function junit(input: readonly FileReport[], options: ReportOptions = {}): string {
  const reports = redactReports(input, options.secrets);
  const cases: string[] = [];
  let failures = 0;
  for (const r of reports) {
    const where = locate(r, undefined, options);
    const name = xmlEscape(where.relative ?? where.shown);
    const list = sortDiagnostics(r.diagnostics);
    const n = countBySeverity(list);
    const body = list
      .map(
        (d) =>
          `${d.position.start.line}:${d.position.start.column} ${d.severity} ${d.message} (${d.ruleId ?? d.code})`,
      )
      .join('\n');
    const head = `    <testcase classname="ftkit" name="${name}" file="${name}" time="0"`;
    if (n.error + n.warning === 0) {
      cases.push(
        list.length > 0
          ? `${head}>\n      <system-out>${xmlEscape(body)}</system-out>\n    </testcase>`
          : `${head}/>`,
      );
      continue;
    }
    failures++;
    const summary = `${n.error} error${n.error === 1 ? '' : 's'}, ${n.warning} warning${n.warning === 1 ? '' : 's'}`;
    cases.push(
      `${head}>\n      <failure type="${n.error > 0 ? 'error' : 'warning'}" message="${xmlEscape(summary)}">${xmlEscape(body)}</failure>\n    </testcase>`,
    );
  }
  const counts = `tests="${reports.length}" failures="${failures}" errors="0" skipped="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ftkit" ${counts}>`,
    `  <testsuite name="ftkit" ${counts} time="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
