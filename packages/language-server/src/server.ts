import type { AnyFormatModule, Diagnostic, Span, TextEdit } from '@ftkit/core';
import { formats as cliFormats, detectFormat } from '@ftkit/lab';
import {
  CodeAction,
  CodeActionKind,
  type Connection,
  DiagnosticSeverity,
  type InitializeResult,
  type Location,
  type Diagnostic as LspDiagnostic,
  MarkupKind,
  type Range,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FeatureContext, FormatFeatures } from './features.js';
import { clusterConfFeatures } from './formats/cluster-conf.js';
import { drbdFeatures, includedPaths } from './formats/drbd.js';
import { fstabFeatures } from './formats/fstab.js';
import { o2cbFeatures } from './formats/o2cb.js';
import { type DocumentLint, type LintSettings, lintDocument } from './lint-document.js';
import { editsBetween, touches } from './text-edits.js';
import { pathToUri, uriToPath, Workspace } from './workspace.js';

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** The descriptors served; default: the `ftkit` CLI's list, so both claim the same files. */
  readonly formats?: readonly AnyFormatModule[];
  /** Milliseconds to wait after a change before linting again (default 150). */
  readonly debounceMs?: number;
}

/** Editor features per format name; formats not listed get diagnostics, formatting and fixes only. */
const FEATURES: Readonly<Record<string, FormatFeatures>> = {
  'drbd-conf': drbdFeatures,
  'ocfs2-cluster-conf': clusterConfFeatures,
  'o2cb-defaults': o2cbFeatures,
  fstab: fstabFeatures,
};

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
} as const;

/** Settings the client passes as `initializationOptions` (all optional). */
interface InitOptions extends LintSettings {}

/**
 * Serves drbd.conf, cluster.conf, /etc/default/o2cb, fstab (every format of `options.formats`)
 * on `connection`: diagnostics as `ftkit lint` reports them, hover, completion, definition,
 * references, formatting, code actions and document symbols. Call `connection.listen()` after.
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const formats = options.formats ?? cliFormats;
  const debounceMs = options.debounceMs ?? 150;
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  let config: LintSettings = {};
  const lints = new Map<string, { version: number; lint: Promise<DocumentLint> }>();
  const timers = new Map<string, NodeJS.Timeout>();

  const pathOf = (uri: string) => uriToPath(uri) ?? uri;

  /** The lint of a document's current version (computed once per version). */
  function lintOf(doc: TextDocument): Promise<DocumentLint> {
    const cached = lints.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.lint;
    const lint = lintDocument(pathOf(doc.uri), doc.getText(), { workspace, formats, ...config });
    lints.set(doc.uri, { version: doc.version, lint });
    return lint;
  }

  function toLsp(doc: TextDocument, d: Diagnostic): LspDiagnostic {
    return {
      range: rangeOf(doc, d.span),
      severity: SEVERITY[d.severity],
      code: d.code,
      source: 'ftkit',
      message: d.message,
      ...(d.url !== undefined ? { codeDescription: { href: d.url } } : {}),
      ...(d.related?.length
        ? {
            relatedInformation: d.related.map((r) => {
              const file = r.file ?? pathOf(doc.uri);
              const other = file === pathOf(doc.uri) ? doc : textDocumentOf(file);
              return { location: { uri: other.uri, range: rangeOf(other, r.span) }, message: r.message };
            }),
          }
        : {}),
      data: { fixable: d.fix !== undefined, ...(d.note !== undefined ? { note: d.note } : {}) },
    };
  }

  function textDocumentOf(path: string): TextDocument {
    const uri = pathToUri(path);
    return documents.get(uri) ?? TextDocument.create(uri, 'plaintext', 0, workspace.text(path) ?? '');
  }

  async function validate(doc: TextDocument): Promise<void> {
    const t = timers.get(doc.uri);
    if (t) clearTimeout(t);
    timers.delete(doc.uri);
    let lint: DocumentLint;
    try {
      lint = await lintOf(doc);
    } catch (error) {
      // A bug, not the file's fault: say so in the editor's log, keep serving.
      connection.console.error(
        `ftkit: linting ${doc.uri} failed: ${(error as Error).stack ?? String(error)}`,
      );
      return;
    }
    // A newer version is on its way: its own lint publishes.
    if (documents.get(doc.uri)?.version !== doc.version) return;
    await connection.sendDiagnostics({
      uri: doc.uri,
      version: doc.version,
      diagnostics: lint.diagnostics.map((d) => toLsp(doc, d)),
    });
    await publishIncluded(doc.uri, lint);
  }

  /** Included files each open document published findings for (files that are not open themselves). */
  const includedBy = new Map<string, Set<string>>();

  /**
   * Publishes the findings `ftkit lint` reports under the files a document includes, for those
   * not open (an open one publishes its own), and clears what it published before and no longer
   * finds.
   */
  async function publishIncluded(uri: string, lint: DocumentLint | undefined): Promise<void> {
    const before = includedBy.get(uri) ?? new Set<string>();
    const now = new Set<string>();
    for (const [path, list] of lint?.included ?? []) {
      const target = pathToUri(path);
      if (documents.get(target)) continue;
      now.add(target);
      const other = textDocumentOf(path);
      await connection.sendDiagnostics({ uri: target, diagnostics: list.map((d) => toLsp(other, d)) });
    }
    for (const target of before)
      if (!now.has(target) && !documents.get(target))
        await connection.sendDiagnostics({ uri: target, diagnostics: [] });
    includedBy.set(uri, now);
  }

  const lastRun = new Map<string, number>();

  /**
   * Lints `doc` again after a change: at once (on the next turn of the event loop, so one batch of
   * changes is linted once) when it was not linted in the last `ms`, else `ms` after the last
   * change. A single edit gets its diagnostics without waiting; fast typing is linted at most once
   * per `ms`.
   */
  function schedule(doc: TextDocument, ms: number): void {
    const t = timers.get(doc.uri);
    if (t) clearTimeout(t);
    const quiet = t === undefined && performance.now() - (lastRun.get(doc.uri) ?? -Infinity) >= ms;
    const run = () => {
      timers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      lastRun.set(doc.uri, performance.now());
      void validate(current);
    };
    timers.set(doc.uri, quiet ? setTimeout(run, 0) : setTimeout(run, ms));
  }

  async function context(
    doc: TextDocument,
  ): Promise<{ ctx: FeatureContext; features: FormatFeatures | undefined }> {
    const lint = await lintOf(doc);
    const ctx: FeatureContext = {
      path: pathOf(doc.uri),
      text: doc.getText(),
      workspace,
      settings: config.settings ?? {},
      lint,
    };
    return { ctx, features: lint.format ? FEATURES[lint.format.name] : undefined };
  }

  const lspEdits = (doc: TextDocument, edits: readonly TextEdit[]) =>
    edits.map((e) => ({ range: rangeOf(doc, e), newText: e.text }));

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = folder ? uriToPath(folder) : undefined;
    if (root !== undefined) workspace.root = root;
    const init = (params.initializationOptions ?? {}) as InitOptions;
    config = {
      ...(init.settings ? { settings: init.settings } : {}),
      ...(init.rules ? { rules: init.rules } : {}),
    };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', '=', ','] },
        definitionProvider: true,
        referencesProvider: true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: {
          codeActionKinds: [
            CodeActionKind.QuickFix,
            CodeActionKind.SourceFixAll,
            CodeActionKind.RefactorRewrite,
          ],
        },
      },
      serverInfo: { name: 'ftkit-language-server' },
    };
  });

  documents.onDidOpen((e) => {
    workspace.open.set(pathOf(e.document.uri), { text: e.document.getText(), version: e.document.version });
    void validate(e.document);
  });
  documents.onDidChangeContent((e) => {
    const path = pathOf(e.document.uri);
    const known = workspace.open.get(path);
    workspace.open.set(path, { text: e.document.getText(), version: e.document.version });
    if (known && known.version === e.document.version) return; // the open event validated it
    schedule(e.document, debounceMs);
    // Open drbd.conf files that include this one see the edit through the workspace reader: lint
    // them again (only those: a big file linted on every keystroke elsewhere would delay this one).
    for (const other of documents.all()) {
      if (other.uri === e.document.uri) continue;
      const otherPath = pathOf(other.uri);
      const ctx = { path: otherPath, text: other.getText(), workspace, settings: config.settings ?? {} };
      if (detectFormat(otherPath, ctx.text, formats)?.name !== 'drbd-conf' || !includedPaths(ctx).has(path))
        continue;
      lints.delete(other.uri);
      schedule(other, debounceMs * 2);
    }
  });
  documents.onDidClose((e) => {
    workspace.open.delete(pathOf(e.document.uri));
    lints.delete(e.document.uri);
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    void publishIncluded(e.document.uri, undefined);
  });

  // A config file or an included file changed on disk: every open document is linted again.
  connection.onDidChangeWatchedFiles(() => {
    lints.clear();
    for (const doc of documents.all()) schedule(doc, debounceMs);
  });

  connection.onHover(async ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return null;
    const offset = doc.offsetAt(position);
    const { ctx, features } = await context(doc);
    const parts: string[] = [];
    let span: Span | undefined;
    const info = features?.hover?.(ctx, offset);
    if (info) {
      parts.push(info.markdown);
      span = info.span;
    }
    for (const d of ctx.lint?.diagnostics ?? []) {
      if (offset < d.span.start || offset > d.span.end) continue;
      const rule = d.ruleId !== undefined ? ctx.lint?.format?.rules[d.ruleId] : undefined;
      const lines = [`**${d.code}** (${d.severity}): ${d.message}`];
      if (d.note) lines.push('', d.note);
      if (rule) lines.push('', `Rule: ${rule.meta.description}`);
      if (d.url) lines.push('', `[Documentation](${d.url})`);
      parts.push(lines.join('\n'));
      span ??= d.span;
    }
    if (parts.length === 0 || !span) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
      range: rangeOf(doc, span),
    };
  });

  connection.onCompletion(async ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const { ctx, features } = await context(doc);
    return (features?.complete?.(ctx, doc.offsetAt(position)) ?? []).map((c) => ({
      label: c.label,
      kind: c.kind,
      ...(c.detail !== undefined ? { detail: c.detail } : {}),
      ...(c.documentation ? { documentation: { kind: MarkupKind.Markdown, value: c.documentation } } : {}),
      textEdit: { range: rangeOf(doc, c.replace), newText: c.label },
    }));
  });

  const toLocations = (places: readonly { path: string; span: Span }[]): Location[] =>
    places.map((p) => {
      const target = textDocumentOf(p.path);
      return { uri: target.uri, range: rangeOf(target, p.span) };
    });

  connection.onDefinition(async ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const { ctx, features } = await context(doc);
    return toLocations(features?.definition?.(ctx, doc.offsetAt(position)) ?? []);
  });

  connection.onReferences(async ({ textDocument, position }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const { ctx, features } = await context(doc);
    return toLocations(features?.references?.(ctx, doc.offsetAt(position)) ?? []);
  });

  connection.onDocumentSymbol(async ({ textDocument }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const { ctx, features } = await context(doc);
    type S = NonNullable<ReturnType<NonNullable<FormatFeatures['symbols']>>>[number];
    const convert = (s: S): import('vscode-languageserver').DocumentSymbol => ({
      name: s.name,
      kind: s.kind,
      ...(s.detail !== undefined ? { detail: s.detail } : {}),
      range: rangeOf(doc, s.span),
      selectionRange: rangeOf(doc, s.nameSpan),
      children: s.children.map(convert),
    });
    return (features?.symbols?.(ctx) ?? []).map(convert);
  });

  async function formatEdits(doc: TextDocument, range?: Range) {
    const lint = await lintOf(doc);
    const format = lint.format;
    if (!format?.format) return [];
    const text = doc.getText();
    const result = format.format(text, { fileName: pathOf(doc.uri), settings: config.settings ?? {} });
    // A text the format cannot parse is left alone (its diagnostics say why).
    if (result.diagnostics.some((d) => d.severity === 'error')) return [];
    let edits = editsBetween(text, result.text);
    if (range) {
      const span = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
      edits = edits.filter((e) => touches(e, span));
    }
    return lspEdits(doc, edits);
  }

  connection.onDocumentFormatting(async ({ textDocument }) => {
    const doc = documents.get(textDocument.uri);
    return doc ? formatEdits(doc) : [];
  });
  connection.onDocumentRangeFormatting(async ({ textDocument, range }) => {
    const doc = documents.get(textDocument.uri);
    return doc ? formatEdits(doc, range) : [];
  });

  connection.onCodeAction(async ({ textDocument, range }) => {
    const doc = documents.get(textDocument.uri);
    if (!doc) return [];
    const { ctx, features } = await context(doc);
    const span = { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
    const actions: CodeAction[] = [];
    const fixable = (ctx.lint?.diagnostics ?? []).filter((d) => d.fix !== undefined);
    for (const d of fixable) {
      if (!touches(d.span, span)) continue;
      const action = CodeAction.create(
        d.fix!.description,
        { changes: { [doc.uri]: lspEdits(doc, d.fix!.edits) } },
        CodeActionKind.QuickFix,
      );
      action.diagnostics = [toLsp(doc, d)];
      action.isPreferred = true;
      actions.push(action);
    }
    if (fixable.length > 0) {
      const fixed = (await lintDocument(ctx.path, ctx.text, { workspace, formats, ...config, fix: true }))
        .output;
      if (fixed !== undefined && fixed !== ctx.text)
        actions.push(
          CodeAction.create(
            'Fix all auto-fixable problems',
            { changes: { [doc.uri]: lspEdits(doc, editsBetween(ctx.text, fixed)) } },
            CodeActionKind.SourceFixAll,
          ),
        );
    }
    for (const r of features?.refactorings?.(ctx, span) ?? [])
      actions.push(
        CodeAction.create(
          r.title,
          { changes: { [doc.uri]: lspEdits(doc, r.edits) } },
          CodeActionKind.RefactorRewrite,
        ),
      );
    return actions;
  });

  documents.listen(connection);
}

/** An LSP range for a span of `doc` (0-based UTF-16 offsets, end exclusive). */
function rangeOf(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}
