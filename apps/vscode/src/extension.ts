import { type ExtensionContext, workspace } from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

/** The languages the extension contributes; the server decides each file's format as `ftkit lint` does. */
export const LANGUAGES = ['drbd-conf', 'ocfs2-cluster-conf', 'o2cb-defaults', 'fstab'] as const;

let client: LanguageClient | undefined;

/**
 * Starts `ftkit-language-server` (bundled as dist/server.mjs) over stdio for the contributed
 * languages, passing the `ftkit.settings` and `ftkit.rules` configuration as the settings and rule
 * options `ftkit lint --set`/`--rule` take.
 */
export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.mjs');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio },
  };
  const config = workspace.getConfiguration('ftkit');
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.map((language) => ({ scheme: 'file', language })),
    // Lint again when a config file or an included file changes on disk.
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/{ftkit.config.*,*.res,*.conf}') },
    initializationOptions: {
      settings: config.get<Record<string, unknown>>('settings') ?? {},
      rules: config.get<Record<string, unknown>>('rules') ?? {},
    },
  };
  client = new LanguageClient('ftkit', 'ftkit', serverOptions, clientOptions);
  await client.start();
}

/** Stops the server when VS Code unloads the extension. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}
