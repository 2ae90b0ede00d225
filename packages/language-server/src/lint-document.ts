import { dirname } from 'node:path';
import {
  type AnyFormatModule,
  type Diagnostic,
  FtkitError,
  LineIndex,
  makeDiagnostic,
  type RuleConfig,
  redactDiagnostics,
} from '@ftkit/core';
import { formats as cliFormats, lintText } from '@ftkit/lab';
import { Workspace } from './workspace.js';

/** Lint configuration the editor passes (`initializationOptions`), over the `ftkit.config.*` file's. */
export interface LintSettings {
  /** As `ftkit lint --set KEY=VALUE`: `drbdVersion`, `hostname`, … Unknown names are an error. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** As `ftkit lint --rule ID=SEVERITY`. Unknown ids are an error. */
  readonly rules?: RuleConfig;
}

/** Options of {@link lintDocument}. */
export interface LintDocumentOptions extends LintSettings {
  /** Open documents and the folder includes are confined to; default: none open, the file's own directory. */
  readonly workspace?: Workspace;
  /** The descriptors to choose from; default: the `ftkit` CLI's list. */
  readonly formats?: readonly AnyFormatModule[];
  /** Compute safe fixes: `output` holds the fixed text. */
  readonly fix?: boolean;
}

/** What {@link lintDocument} found for one document. */
export interface DocumentLint {
  /** The format that claimed the document, by name or content as `ftkit lint` decides; `undefined` when none. */
  readonly format: AnyFormatModule | undefined;
  /**
   * The document's own findings, exactly as `ftkit lint --format json` reports them for this file
   * (same codes, severities, messages and spans; secrets redacted). Empty when no format claims it
   * or the config file ignores it.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** Findings in files the document includes, by absolute path (reported under those files by `ftkit lint`). */
  readonly included: ReadonlyMap<string, readonly Diagnostic[]>;
  /** Secret values of the document and its includes (never shown; hovers and messages redact them). */
  readonly secrets: readonly string[];
  /** The text with every safe fix applied (with `fix: true`, when fixes changed it). */
  readonly output?: string;
}

/**
 * The one function that computes a document's diagnostics (`path` absolute): `@ftkit/lab`'s
 * `lintText`, which `ftkit lint` is built on, so the format is chosen, the `ftkit.config.*` file
 * found upward from the document applied (rules, settings, overrides, ignores) and inline
 * `ftkit-disable` directives honoured exactly as on the command line. Included files are read
 * through the workspace (open documents first, never outside the workspace folder). Never throws:
 * a bad config file or bad settings become one `ftkit/invalid-config` error at the start of the file.
 */
export async function lintDocument(
  path: string,
  text: string,
  options: LintDocumentOptions = {},
): Promise<DocumentLint> {
  const { workspace = new Workspace(), formats = cliFormats } = options;
  const none: DocumentLint = { format: undefined, diagnostics: [], included: new Map(), secrets: [] };
  const reader = workspace.reader(path);
  let results: Awaited<ReturnType<typeof lintText>>;
  try {
    results = await lintText(text, {
      filePath: path,
      cwd: workspace.root ?? dirname(path),
      root: reader.root,
      reader,
      formats,
      ...(options.settings ? { settings: options.settings } : {}),
      ...(options.rules ? { rules: options.rules } : {}),
      ...(options.fix ? { fix: true } : {}),
    });
  } catch (error) {
    if (!(error instanceof FtkitError)) throw error;
    const d = makeDiagnostic(new LineIndex(text), {
      code: 'ftkit/invalid-config',
      severity: 'error',
      message: `Invalid ftkit configuration: ${error.message}`,
      ...(error.issues.length ? { note: error.issues.map((i) => i.message).join('; ') } : {}),
      span: { start: 0, end: 0 },
      source: '@ftkit/language-server',
      file: path,
    });
    return { ...none, diagnostics: [d] };
  }
  const own = results.find((r) => r.filePath === path);
  const format = formats.find((f) => f.name === own?.format);
  if (!own || !format) return none;
  const secrets = [...new Set(results.flatMap((r) => r.secrets))];
  const included = new Map<string, readonly Diagnostic[]>();
  for (const r of results)
    if (r !== own && r.diagnostics.length > 0)
      included.set(r.filePath, redactDiagnostics(r.diagnostics, secrets));
  return {
    format,
    diagnostics: redactDiagnostics(own.diagnostics, secrets),
    included,
    secrets,
    ...(own.output !== undefined ? { output: own.output } : {}),
  };
}
