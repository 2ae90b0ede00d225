import { type FormatModule, type LintOptions, type LintResult, sortDiagnostics } from '@ftkit/core';
import {
  type DocumentCst,
  emitDocument,
  parseDocument,
  parseDocumentCst,
  printDocument,
} from './documents/parse.js';
import type { BorgDocument } from './documents/schema.js';
import { parseItems } from './stream/items.js';
import { parseLog } from './stream/log.js';

/** What a text looks like: one `--json` document, `--json-lines` items or a `--log-json` stream. */
export type BorgTextKind = 'document' | 'items' | 'log' | 'unknown';

/** Cheap sniffing of a text's kind (first line only). */
export function sniffBorgText(text: string): BorgTextKind {
  const t = text.trimStart();
  if (
    t.startsWith('{\n') ||
    t.startsWith('{\r\n') ||
    /^\{\s*"(?:archive|archives|cache|encryption|repository)"/.test(t)
  ) {
    if (/"repository"\s*:\s*\{/.test(t.slice(0, 200_000))) return 'document';
  }
  const nl = t.indexOf('\n');
  const first = nl === -1 ? t : t.slice(0, nl);
  if (
    /^\{"type": "(?:log_message|file_status|archive_progress|progress_message|progress_percent|question_\w+)"/.test(
      first,
    ) ||
    /"type": "(?:log_message|progress_|question_)/.test(first)
  )
    return 'log';
  if (/^\{.*"(?:path|mode)": /.test(first) && /"type": "/.test(first)) return 'items';
  if (/"levelname": "/.test(first) || /^(?:usage: borg|Warning: |Enter passphrase)/.test(first)) return 'log';
  return 'unknown';
}

/**
 * The descriptor `ftkit lint` uses: borg output saved to files named `*.borg.json` (documents),
 * `*.borg.jsonl` (items) or `*.borg-log.jsonl` (`--log-json`), or any JSON text that looks like
 * borg output. `parse`/`emit` handle `--json` documents; `lint` also checks item and log streams.
 */
export const borgJsonFormat = {
  name: 'borg-json',
  description: 'BorgBackup --json documents, --json-lines items and --log-json streams (1.2, 1.4, 2.0)',
  filePatterns: ['**/*.borg.json', '**/*.borg.jsonl', '**/*.borg-log.jsonl'],
  detect(_path: string, text: string): number {
    const kind = sniffBorgText(text.slice(0, 4096));
    return kind === 'document' ? 0.9 : kind === 'unknown' ? 0 : 0.8;
  },
  parse: (text: string, options?: { fileName?: string }) => parseDocument(text, options),
  parseCst: parseDocumentCst,
  print: printDocument,
  emit: (model: BorgDocument | undefined) => (model ? emitDocument(model) : ''),
  lint(text: string, options: LintOptions = {}): LintResult {
    const fileName = options.fileName;
    const kind = sniffBorgText(text);
    const diagnostics =
      kind === 'items'
        ? parseItems(text, { fileName, onBadLine: 'continue' }).diagnostics
        : kind === 'log'
          ? parseLog(text, { fileName }).diagnostics
          : parseDocument(text, { fileName }).diagnostics;
    return { diagnostics: sortDiagnostics(diagnostics) };
  },
  rules: {},
} satisfies FormatModule<DocumentCst, BorgDocument | undefined, BorgDocument | undefined>;
