import { type Diagnostic, DiagnosticCollector, type ParseResult, sortDiagnostics } from '@ftkit/core';
import { checkEightThree } from './check/check-eight-three.js';
import { checkModel } from './check/check-model.js';
import { type ComposeOptions, createComposeContext, type ParsedFile, SOURCE } from './compose/context.js';
import { composeFile } from './compose/document.js';
import { resourceOpenOffset } from './compose/resource.js';
import { parseCst } from './cst/parse-cst.js';
import type { DocumentNode } from './cst/types.js';
import { CODES } from './diagnostics.js';
import type { DrbdConfig, DrbdResource } from './schema.js';

/** Options of {@link parse}. */
export type ParseOptions = ComposeOptions;

/** What {@link parse} returns: the CST of the main file, the model, and every diagnostic. */
export interface DrbdParseResult extends ParseResult<DocumentNode, DrbdConfig> {
  /** Every file that took part (the main file first, then includes in reading order). */
  readonly files: readonly ParsedFile[];
  /** `FILE:LINE` of the `{` after a resource name (what `drbdadm dump` prints as `# defined at`). */
  definedAt(r: DrbdResource): string | undefined;
}

/**
 * Parses a drbd.conf text (and, given a `reader`, the files it includes) for DRBD 8.4 or 9.
 * Never throws on user input: syntax and semantic problems are diagnostics with real positions.
 */
export function parse(text: string, options: ParseOptions = {}): DrbdParseResult {
  const composer = createComposeContext(options);
  const cst = parseCst(text);
  try {
    composeFile(composer, text, options.fileName, cst);
  } catch (error) {
    // Parsing must never throw on input; a bug becomes a diagnostic (tests assert none occur).
    const first = composer.files[0];
    const d = first?.diagnostics ?? new DiagnosticCollector(text, SOURCE, options.fileName);
    if (!first) composer.files.push({ fileName: options.fileName, text, cst, diagnostics: d });
    d.error(
      CODES.internal,
      `Internal error while reading the file: ${error instanceof Error ? error.message : String(error)}`,
      { start: 0, end: 0 },
    );
  }
  const byFile = new Map<string | undefined, DiagnosticCollector>();
  for (const f of composer.files) if (!byFile.has(f.fileName)) byFile.set(f.fileName, f.diagnostics);
  const fallback = composer.files[0]!.diagnostics;
  const hasSyntaxErrors = composer.files.some((f) => f.diagnostics.items.some((d) => d.severity === 'error'));
  // drbdadm runs its post-parse checks only when parsing was clean; so do we (no follow-on noise).
  if (!hasSyntaxErrors) {
    checkModel(composer.model, (file) => byFile.get(file) ?? fallback);
    if (composer.v83) checkEightThree(composer.model, (file) => byFile.get(file) ?? fallback);
  }
  const diagnostics: Diagnostic[] = sortDiagnostics(composer.files.flatMap((f) => f.diagnostics.items));
  const files = composer.files;
  return {
    cst,
    model: composer.model,
    diagnostics,
    files,
    definedAt(r) {
      const off = resourceOpenOffset.get(r);
      if (off === undefined) return undefined;
      const f = files.find((x) => x.fileName === r.file) ?? files[0]!;
      return `${f.fileName ?? '-'}:${f.diagnostics.lineIndex.positionOf({ start: off, end: off }).start.line}`;
    },
  };
}

export { SOURCE };
