import type { FormatModule, LintOptions, LintResult } from '@ftkit/core';
import {
  type DocumentCst,
  emitDocument,
  parseDocument,
  parseDocumentCst,
  printDocument,
} from './documents/parse.js';
import type { BorgDocument } from './documents/schema.js';
import type { BorgLintDoc } from './lint/doc.js';
import { lint, rules } from './lint/index.js';
import { borgSecretsInText } from './secrets.js';
import { sniffBorgText } from './sniff.js';

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
  lint(text: string, options?: LintOptions): LintResult {
    const result = lint(text, options);
    const secrets = borgSecretsInText(text);
    return secrets.length > 0 ? { ...result, secrets } : result;
  },
  rules,
  findSecrets: borgSecretsInText,
} satisfies FormatModule<DocumentCst, BorgDocument | undefined, BorgLintDoc>;
