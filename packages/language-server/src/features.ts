import type { Span } from '@ftkit/core';
import type { CompletionItemKind, SymbolKind } from 'vscode-languageserver';
import type { DocumentLint } from './lint-document.js';
import type { Workspace } from './workspace.js';

/** A place in a file: an absolute path and 0-based UTF-16 offsets into its text (end exclusive). */
export interface Place {
  readonly path: string;
  readonly span: Span;
}

/** What a format's editor features read: the document, the workspace around it and its last lint. */
export interface FeatureContext {
  /** Absolute path of the document. */
  readonly path: string;
  readonly text: string;
  readonly workspace: Workspace;
  /** Settings as `ftkit lint --set` takes them (`drbdVersion`, …). */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly lint?: DocumentLint;
}

/** A hover: Markdown and the span it is about (0-based offsets into the document). */
export interface HoverInfo {
  readonly markdown: string;
  readonly span: Span;
}

/** A completion proposal; `replace` is the span the inserted text replaces (the word being typed). */
export interface Completion {
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly detail?: string;
  readonly documentation?: string;
  readonly replace: Span;
}

/** A symbol of the outline, with children. Offsets into the document. */
export interface OutlineSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: SymbolKind;
  /** The whole construct. */
  readonly span: Span;
  /** Its name. */
  readonly nameSpan: Span;
  readonly children: readonly OutlineSymbol[];
}

/** A refactoring offered at a place (beyond the diagnostics' own fixes). */
export interface Refactoring {
  readonly title: string;
  /** Edits against the document's text (offsets). */
  readonly edits: readonly { readonly start: number; readonly end: number; readonly text: string }[];
}

/** The editor features of one format; every function must never throw on user input. */
export interface FormatFeatures {
  hover?(ctx: FeatureContext, offset: number): HoverInfo | undefined;
  complete?(ctx: FeatureContext, offset: number): Completion[];
  definition?(ctx: FeatureContext, offset: number): Place[];
  references?(ctx: FeatureContext, offset: number): Place[];
  symbols?(ctx: FeatureContext): OutlineSymbol[];
  refactorings?(ctx: FeatureContext, span: Span): Refactoring[];
}

/** The word (letters, digits, `_ - . / :`) around `offset` in `text`, as a span (empty between words). */
export function wordAt(text: string, offset: number, re = /[A-Za-z0-9_./:-]/): Span {
  let start = offset;
  let end = offset;
  while (start > 0 && re.test(text[start - 1]!)) start--;
  while (end < text.length && re.test(text[end]!)) end++;
  return { start, end };
}
