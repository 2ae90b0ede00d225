import { sortDiagnostics } from '../diagnostic.js';
import { redactReports } from '../redact.js';
import type { FileReport, ReportOptions } from './types.js';

/**
 * One finding in the `json` reporter's output. This shape is stable: fields are only added,
 * never renamed or removed. Lines and columns are 1-based; `endLine`/`endColumn` are exclusive.
 */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  ruleId: string | null;
  message: string;
  note?: string;
  url?: string;
  fixable: boolean;
}

/** Converts reports to the stable finding list the `json` reporter prints. */
export function toJsonFindings(reports: readonly FileReport[]): JsonFinding[] {
  return reports.flatMap((r) =>
    sortDiagnostics(r.diagnostics).map((d) => ({
      file: d.file ?? r.file,
      line: d.position.start.line,
      column: d.position.start.column,
      endLine: d.position.end.line,
      endColumn: d.position.end.column,
      severity: d.severity,
      code: d.code,
      ruleId: d.ruleId ?? null,
      message: d.message,
      ...(d.note !== undefined ? { note: d.note } : {}),
      ...(d.url !== undefined ? { url: d.url } : {}),
      fixable: d.fix !== undefined,
    })),
  );
}

/** The `json` reporter: a JSON array of {@link JsonFinding}, two-space indented, newline-terminated. */
export function json(reports: readonly FileReport[], options: ReportOptions = {}): string {
  return `${JSON.stringify(toJsonFindings(redactReports(reports, options.secrets)), null, 2)}\n`;
}
