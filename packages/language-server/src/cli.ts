import { createRequire } from 'node:module';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { startServer } from './server.js';

const USAGE = `Usage: ftkit-language-server [--stdio]

The ftkit language server for drbd.conf, OCFS2 cluster.conf, /etc/default/o2cb and fstab.
It speaks the Language Server Protocol on standard input and output (--stdio is accepted and is
the only transport). Options: --version, --help.
`;

/** Runs the bin: `--version`, `--help`, or the server on stdin/stdout until the client exits. */
export function main(argv: readonly string[]): void {
  if (argv.includes('--version')) {
    const { version } = createRequire(import.meta.url)('../package.json') as { version: string };
    process.stdout.write(`${version}\n`);
    return;
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const unknown = argv.filter((a) => a !== '--stdio' && !a.startsWith('--clientProcessId'));
  if (unknown.length > 0) {
    process.stderr.write(`ftkit-language-server: unknown argument \`${unknown[0]}\`\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(process.stdin),
    new StreamMessageWriter(process.stdout),
  );
  startServer(connection);
  connection.listen();
}
