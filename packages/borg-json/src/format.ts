import { defineFormat, type RuleIdOf } from '@ftkit/core';
import { SOURCE } from './diagnostics.js';
import { type DocumentCst, emit, parse, parseCst, print } from './documents/parse.js';
import type { BorgDocument } from './documents/schema.js';
import type { BorgLintDoc } from './lint/doc.js';
import { repositoryUnencrypted } from './lint/rules/repository-unencrypted.js';
import { borgSecretsInText } from './secrets.js';
import { sniffBorgText } from './sniff.js';
import { parseItems } from './stream/items.js';
import { parseLog } from './stream/log.js';

const borgRules = [repositoryUnencrypted] as const;

/** The id of every borg-json lint rule (a misspelled id in a rule configuration is a type error). */
export type BorgRuleId = RuleIdOf<typeof borgRules>;

/**
 * The descriptor `ftkit lint` uses: borg output saved to files named `*.borg.json` (documents),
 * `*.borg.jsonl` (items) or `*.borg-log.jsonl` (`--log-json`), or any JSON text that looks like
 * borg output. `parse`/`emit` handle `--json` documents; `lint` also checks item and log streams
 * (their stream diagnostics; the rules read documents). Diagnostic codes are `borg/<id>`.
 */
export const borgJsonFormat = defineFormat({
  name: 'borg-json',
  codePrefix: 'borg',
  source: SOURCE,
  description: 'BorgBackup --json documents, --json-lines items and --log-json streams (1.2, 1.4, 2.0)',
  filePatterns: ['**/*.borg.json', '**/*.borg.jsonl', '**/*.borg-log.jsonl'],
  detect(_path: string, text: string): number {
    const kind = sniffBorgText(text.slice(0, 4096));
    return kind === 'document' ? 0.9 : kind === 'unknown' ? 0 : 0.8;
  },
  parse: (text: string, options?: { fileName?: string }) => parse(text, options),
  parseCst,
  print,
  emit: (model: BorgDocument | undefined) => (model ? emit(model) : ''),
  findSecrets: borgSecretsInText,
  rules: borgRules,
  settings: {},
  fixable: false,
  prepareLint(text, options) {
    const fileName = options.fileName;
    const secrets = borgSecretsInText(text);
    const withSecrets = secrets.length > 0 ? { secrets } : {};
    const kind = sniffBorgText(text, fileName);
    if (kind === 'items')
      return {
        doc: undefined,
        diagnostics: parseItems(text, { fileName, onBadLine: 'continue' }).diagnostics,
        ...withSecrets,
      };
    if (kind === 'log')
      return { doc: undefined, diagnostics: parseLog(text, { fileName }).diagnostics, ...withSecrets };
    const parsed = parse(text, { fileName });
    let cst: DocumentCst | undefined = parsed.cst.tree ? parsed.cst : undefined;
    const doc: BorgLintDoc = {
      document: parsed.model,
      cst: () => {
        cst ??= parseCst(text);
        return cst;
      },
    };
    return { doc, diagnostics: parsed.diagnostics, ...withSecrets };
  },
});

/** Lints borg output (the descriptor's `lint`): documents get the rules, streams their stream diagnostics. */
export const lint: typeof borgJsonFormat.lint = borgJsonFormat.lint;

/** Every lint rule, by id (the descriptor's `rules`). */
export const rules: typeof borgJsonFormat.rules = borgJsonFormat.rules;
