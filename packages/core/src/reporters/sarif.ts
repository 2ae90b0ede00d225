import type { Diagnostic } from '../diagnostic.js';
import { sortDiagnostics } from '../diagnostic.js';
import { redactReports } from '../redact.js';
import { redactText } from '../safe.js';
import { normalizePath } from '../source-reader.js';
import { fingerprint, locate } from './paths.js';
import type { FileReport, ReportOptions, RuleInfo } from './types.js';

const levels = { error: 'error', warning: 'warning', info: 'note' } as const;

// encodeURI leaves `#` and `?` alone; in a URI reference they would start a fragment or query.
const encodePath = (p: string) => encodeURI(p).replaceAll('#', '%23').replaceAll('?', '%3F');

function artifactLocation(
  report: FileReport,
  file: string | undefined,
  options: ReportOptions,
): { uri: string; uriBaseId?: string } {
  const where = locate(report, file === undefined ? undefined : { file }, options);
  if (where.relative !== undefined) return { uri: encodePath(where.relative), uriBaseId: '%SRCROOT%' };
  return { uri: `file://${encodePath(where.absolute ?? normalizePath(where.shown))}` };
}

function region(d: Diagnostic | { position: Diagnostic['position'] }) {
  const { start, end } = d.position;
  return { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column };
}

/**
 * SARIF 2.1.0: one run of the `ftkit` driver, a rule entry (with help URI where known) for
 * every rule id or diagnostic code that appears, and one result per diagnostic. Columns are
 * UTF-16 code units, 1-based, end exclusive, as SARIF's default `columnKind` says.
 *
 * Every file inside `options.base` gets a URI relative to it with `uriBaseId: '%SRCROOT%'`, and
 * `originalUriBaseIds` says where `%SRCROOT%` is; files outside it get absolute `file://` URIs, so
 * GitHub code scanning maps each file once. `partialFingerprints['ftkit/v1']` is a hash of the
 * rule, the file's relative URI, the message and the text of the finding's first line (not its
 * number), plus a counter for identical findings, so alerts survive lines moving.
 */
export function sarif(input: readonly FileReport[], options: ReportOptions = {}): string {
  const reports = redactReports(input, options.secrets);
  const known = new Map<string, RuleInfo>((options.rules ?? []).map((r) => [r.id, r]));
  const ruleIds: string[] = [];
  const index = new Map<string, number>();
  const seen = new Map<string, number>();
  const results = reports.flatMap((r) => {
    const lines = r.text?.split('\n');
    return sortDiagnostics(r.diagnostics).map((d) => {
      const id = d.ruleId ?? d.code;
      if (!index.has(id)) {
        index.set(id, ruleIds.length);
        ruleIds.push(id);
      }
      const file = d.file ?? r.file;
      const location = artifactLocation(r, d.file, options);
      const own = d.file === undefined || d.file === r.file;
      const lineText = own ? (lines?.[d.position.start.line - 1] ?? '').trim() : '';
      const key = fingerprint(
        [
          id,
          location.uri,
          d.message,
          options.secrets ? redactText(lineText, options.secrets) : lineText,
        ].join('\u0000'),
      );
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      const result: Record<string, unknown> = {
        ruleId: id,
        ruleIndex: index.get(id),
        level: levels[d.severity],
        message: { text: d.note ? `${d.message}. ${d.note}` : d.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(d) } }],
        partialFingerprints: { 'ftkit/v1': `${key}:${count}` },
      };
      if (d.related?.length) {
        result.relatedLocations = d.related.map((rel, i) => ({
          id: i,
          message: { text: rel.message },
          physicalLocation: {
            artifactLocation: artifactLocation(r, rel.file ?? file, options),
            region: region(rel),
          },
        }));
      }
      if (d.fix) {
        result.fixes = [
          {
            description: { text: d.fix.description },
            artifactChanges: [
              {
                artifactLocation: location,
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
    });
  });
  const rules = ruleIds.map((id) => {
    const info = known.get(id);
    const sample = reports.flatMap((r) => r.diagnostics).find((d) => (d.ruleId ?? d.code) === id);
    const url = info?.url ?? sample?.url;
    return {
      id,
      shortDescription: { text: info?.description ?? sample?.message ?? id },
      ...(info?.description ? { fullDescription: { text: info.description } } : {}),
      ...(url ? { helpUri: url, help: { text: `See ${url}` } } : {}),
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
        ...(options.base !== undefined
          ? {
              originalUriBaseIds: {
                '%SRCROOT%': {
                  uri: `file://${encodePath(normalizePath(options.base.replaceAll('\\', '/')).replace(/\/?$/, '/'))}`,
                },
              },
            }
          : {}),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
