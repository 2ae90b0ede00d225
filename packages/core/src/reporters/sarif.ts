import type { Diagnostic } from '../diagnostic.js';
import { sortDiagnostics } from '../diagnostic.js';
import { redactReports } from '../redact.js';
import type { FileReport, ReportOptions, RuleInfo } from './types.js';

const levels = { error: 'error', warning: 'warning', info: 'note' } as const;

function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  const posix = file.replaceAll('\\', '/');
  if (posix.startsWith('/')) return { uri: `file://${encodeURI(posix)}` };
  return { uri: encodeURI(posix.replace(/^\.\//, '')), uriBaseId: '%SRCROOT%' };
}

function region(d: Diagnostic | { position: Diagnostic['position'] }) {
  const { start, end } = d.position;
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/**
 * SARIF 2.1.0: one run of the `ftkit` driver, a rule entry (with help URI where known) for
 * every rule id or diagnostic code that appears, and one result per diagnostic. Columns are
 * UTF-16 code units, 1-based, end exclusive, as SARIF's default `columnKind` says.
 */
export function sarif(input: readonly FileReport[], options: ReportOptions = {}): string {
  const reports = redactReports(input, options.secrets);
  const known = new Map<string, RuleInfo>((options.rules ?? []).map((r) => [r.id, r]));
  const ruleIds: string[] = [];
  const index = new Map<string, number>();
  const results = reports.flatMap((r) =>
    sortDiagnostics(r.diagnostics).map((d) => {
      const id = d.ruleId ?? d.code;
      if (!index.has(id)) {
        index.set(id, ruleIds.length);
        ruleIds.push(id);
      }
      const file = d.file ?? r.file;
      const result: Record<string, unknown> = {
        ruleId: id,
        ruleIndex: index.get(id),
        level: levels[d.severity],
        message: { text: d.note ? `${d.message}. ${d.note}` : d.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(file), region: region(d) } }],
      };
      if (d.related?.length) {
        result.relatedLocations = d.related.map((rel, i) => ({
          id: i,
          message: { text: rel.message },
          physicalLocation: { artifactLocation: artifactLocation(rel.file ?? file), region: region(rel) },
        }));
      }
      if (d.fix) {
        result.fixes = [
          {
            description: { text: d.fix.description },
            artifactChanges: [
              {
                artifactLocation: artifactLocation(file),
                replacements: d.fix.edits.map((e) => ({
                  deletedRegion: { charOffset: e.start, charLength: e.end - e.start },
                  insertedContent: { text: e.text },
                })),
              },
            ],
          },
        ];
      }
      return result;
    }),
  );
  const rules = ruleIds.map((id) => {
    const info = known.get(id);
    const sample = reports.flatMap((r) => r.diagnostics).find((d) => (d.ruleId ?? d.code) === id);
    const url = info?.url ?? sample?.url;
    return {
      id,
      shortDescription: { text: info?.description ?? sample?.message ?? id },
      ...(url ? { helpUri: url } : {}),
      ...(info?.defaultSeverity ? { defaultConfiguration: { level: levels[info.defaultSeverity] } } : {}),
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ftkit',
            informationUri: 'https://github.com/ftkit/ftkit',
            ...(options.toolVersion ? { version: options.toolVersion } : {}),
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
