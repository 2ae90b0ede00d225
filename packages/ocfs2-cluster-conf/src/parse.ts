import { type Diagnostic, LineIndex, type ParseResult, sortDiagnostics } from '@ftkit/core';
import { parseCst } from './cst/parse-cst.js';
import type { Document } from './cst/types.js';
import { compose, type ModelLinks, type O2cbLoad } from './model/compose.js';
import type { ClusterConf } from './model/types.js';

/** What {@link parse} returns: the usual triple plus CST links and o2cb's verdict. */
export interface ClusterConfParseResult extends ParseResult<Document, ClusterConf> {
  /** Model ↔ CST links (stanza views, orphans) for lint rules and edits. */
  readonly links: ModelLinks;
  /** Whether o2cb 1.8.7 would load this file, and the code it would print if not. */
  readonly o2cb: O2cbLoad;
  /** The line index of the text (reuse it for more positions). */
  readonly lineIndex: LineIndex;
}

/** Options of {@link parse}. */
export interface ParseOptions {
  /** File name recorded on diagnostics. */
  readonly fileName?: string;
}

/**
 * Parses a cluster.conf leniently: the lossless CST, the model as o2cb would load it (best effort
 * when the file is broken), and every reason o2cb would refuse the file as an `error` diagnostic
 * with its real position. Never throws.
 */
export function parse(text: string, options: ParseOptions = {}): ClusterConfParseResult {
  const cst = parseCst(text);
  const lineIndex = new LineIndex(text);
  const r = compose(cst, options.fileName, lineIndex);
  const diagnostics: readonly Diagnostic[] = sortDiagnostics(r.diagnostics);
  return { cst, model: r.model, diagnostics, links: r.links, o2cb: r.o2cb, lineIndex };
}
