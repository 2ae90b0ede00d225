import {
  capDiagnostics,
  type LintOptions,
  type LintResult,
  type Rule,
  runRules,
  sortDiagnostics,
} from '@ftkit/core';
import { SOURCE } from '../diagnostics.js';
import { type DocumentCst, parseDocument, parseDocumentCst } from '../documents/parse.js';
import { sniffBorgText } from '../sniff.js';
import { parseItems } from '../stream/items.js';
import { parseLog } from '../stream/log.js';
import type { BorgLintDoc } from './doc.js';
import { repositoryUnencrypted } from './rules/repository-unencrypted.js';

/** Every lint rule, by id. */
// biome-ignore lint/suspicious/noExplicitAny: rules have different option types
export const rules: Readonly<Record<string, Rule<BorgLintDoc, any>>> = {
  [repositoryUnencrypted.meta.id]: repositoryUnencrypted,
};

/**
 * Checks borg output: documents get parse/schema diagnostics plus the rules; item and log
 * streams get their stream diagnostics.
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const fileName = options.fileName;
  const kind = sniffBorgText(text, fileName);
  if (kind === 'items')
    return {
      diagnostics: sortDiagnostics(parseItems(text, { fileName, onBadLine: 'continue' }).diagnostics),
    };
  if (kind === 'log') return { diagnostics: sortDiagnostics(parseLog(text, { fileName }).diagnostics) };
  const parsed = parseDocument(text, { fileName });
  let cst: DocumentCst | undefined = parsed.cst.tree ? parsed.cst : undefined;
  const doc: BorgLintDoc = {
    document: parsed.model,
    cst: () => {
      cst ??= parseDocumentCst(text);
      return cst;
    },
  };
  const found = runRules({
    rules: Object.values(rules),
    doc,
    text,
    source: SOURCE,
    ...(fileName !== undefined ? { file: fileName } : {}),
    ...(options.rules !== undefined ? { config: options.rules } : {}),
    ...(options.settings !== undefined ? { settings: options.settings } : {}),
  });
  return {
    diagnostics: capDiagnostics(sortDiagnostics([...parsed.diagnostics, ...found]), {
      overflowCode: 'borg/too-many-problems',
    }),
  };
}
