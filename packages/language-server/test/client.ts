import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import {
  createProtocolConnection,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

/** The repository root (this file is packages/language-server/test/client.ts). */
export const root = resolve(import.meta.dirname, '../../..');

/** The bin `npm ci` links; it runs the built server (dist/), never src/. */
export const serverBin = join(root, 'node_modules/.bin/ftkit-language-server');

/** The built `ftkit` CLI. */
export const ftkitBin = join(root, 'node_modules/.bin/ftkit');

/** A language client over the stdio of a spawned `ftkit-language-server`. */
export interface Session {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with the next diagnostics published for `uri` (optionally: with a version at least `version`). */
  diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** Shuts the server down (`shutdown`, `exit`) and waits for the process to end. */
  close(): Promise<number | null>;
  /** What the server wrote to stderr. */
  stderr(): string;
}

/** Starts the built server as an editor does (`ftkit-language-server --stdio`) and connects to it. */
export function startSession(): Session {
  const child = spawn(serverBin, ['--stdio'], { stdio: 'pipe' });
  let err = '';
  child.stderr.on('data', (b: Buffer) => {
    err += b.toString();
  });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const waiting: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    for (const w of [...waiting]) {
      if (w.uri !== p.uri || (p.version ?? 0) < w.version) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(p);
    }
  });
  connection.listen();
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return {
    connection,
    child,
    diagnostics: (uri, version = 0) =>
      new Promise((res) => {
        waiting.push({ uri, version, resolve: res });
      }),
    async close() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
    stderr: () => err,
  };
}
