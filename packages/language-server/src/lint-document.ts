import {
  type AnyFormatModule,
  type Diagnostic,
  FtkitError,
  LineIndex,
  makeDiagnostic,
  type RuleConfig,
  redactDiagnostics,
} from '@ftkit/core';
import { formats as cliFormats, detectFormat } from '@ftkit/lab';
import { Workspace } from './workspace.js';

/** Lint configuration the editor passes (`initializationOptions` or `workspace/configuration`). */
export interface LintSettings {
  /** As `ftkit lint --set KEY=VALUE`: `drbdVersion`, `hostname`, … Formats get the keys they declare. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** As `ftkit lint --rule ID=SEVERITY`. */
  readonly rules?: RuleConfig;
}

/** Options of {@link lintDocument}. */
export interface LintDocumentOptions extends LintSettings {
  /** Open documents and the folder includes are confined to; default: none open, the file's own directory. */
  readonly workspace?: Workspace;
  /** The descriptors to choose from; default: the `ftkit` CLI's list. */
  readonly formats?: readonly AnyFormatModule[];
}

/** What {@link lintDocument} found for one document. */
export interface DocumentLint {
  /** The format that claimed the document, by name or content as `ftkit lint` decides; `undefined` when none. */
  readonly format: AnyFormatModule | undefined;
  /**
   * The document's own findings, exactly as `ftkit lint --format json` reports them for this file
   * (same codes, severities, messages and spans; secrets redacted). Empty when no format claims it.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** Findings in files the document includes, by absolute path (reported under those files by `ftkit lint`). */
  readonly included: ReadonlyMap<string, readonly Diagnostic[]>;
  /** Secret values of the document and its includes (never shown; hovers and messages redact them). */
  readonly secrets: readonly string[];
}

/** The settings and rules of `config` that `format` declares (all settings for a format that declares none). */
export function forFormat(
  format: AnyFormatModule,
  config: LintSettings,
): { settings: Record<string, unknown>; rules: RuleConfig } {
  const settings: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(config.settings ?? {}))
    if (format.settings === undefined || Object.hasOwn(format.settings, k)) settings[k] = v;
  const rules: Record<string, unknown> = {};
  const known = format.ruleIds ?? Object.keys(format.rules);
  for (const [k, v] of Object.entries(config.rules ?? {})) if (known.includes(k)) rules[k] = v;
  return { settings, rules: rules as RuleConfig };
}

/**
 * The one function that computes a document's diagnostics (`path` absolute): the format is chosen as `ftkit lint`
 * chooses it ({@link detectFormat} over the CLI's descriptors), and the descriptor's `lint` runs
 * with the options `ftkit lint` passes (settings, rules, a reader for includes confined to the
 * workspace folder). Never throws: options a format rejects become one `ftkit/invalid-options`
 * error at the start of the file.
 */
export function lintDocument(path: string, text: string, options: LintDocumentOptions = {}): DocumentLint {
  const { workspace = new Workspace(), formats = cliFormats, ...config } = options;
  const format = detectFormat(path, text, formats);
  if (!format) return { format, diagnostics: [], included: new Map(), secrets: [] };
  const { settings, rules } = forFormat(format, config);
  let diagnostics: readonly Diagnostic[];
  let secrets: string[];
  try {
    const result = format.lint(text, { fileName: path, rules, settings, reader: workspace.reader(path) });
    diagnostics = result.diagnostics;
    secrets = [...(result.secrets ?? []), ...(format.findSecrets?.(text) ?? [])];
  } catch (error) {
    if (!(error instanceof FtkitError)) throw error;
    const d = makeDiagnostic(new LineIndex(text), {
      code: 'ftkit/invalid-options',
      severity: 'error',
      message: `Invalid ftkit settings for ${format.name}: ${error.message}`,
      span: { start: 0, end: 0 },
      source: '@ftkit/language-server',
      file: path,
    });
    return { format, diagnostics: [d], included: new Map(), secrets: [] };
  }
  const own: Diagnostic[] = [];
  const included = new Map<string, Diagnostic[]>();
  for (const d of redactDiagnostics(diagnostics, secrets)) {
    if (d.file === undefined || d.file === path) own.push(d);
    else included.set(d.file, [...(included.get(d.file) ?? []), d]);
  }
  return { format, diagnostics: own, included, secrets };
}
