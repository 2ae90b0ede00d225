/**
 * `@ftkit/language-server`: the ftkit language server. Run the `ftkit-language-server` bin from an
 * editor (stdio), or embed the server with {@link startServer} on a connection of your own.
 */

export type {
  Completion,
  FeatureContext,
  FormatFeatures,
  HoverInfo,
  OutlineSymbol,
  Place,
  Refactoring,
} from './features.js';
export type { DocumentLint, LintDocumentOptions, LintSettings } from './lint-document.js';
export { lintDocument } from './lint-document.js';
export type { ServerOptions } from './server.js';
export { startServer } from './server.js';
export { editsBetween } from './text-edits.js';
export { pathToUri, uriToPath, Workspace } from './workspace.js';
