import { startServer } from '@ftkit/language-server';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';

// The server the extension starts (`node dist/server.mjs --stdio`): the published
// @ftkit/language-server, bundled so the extension needs no node_modules.
const connection = createConnection(ProposedFeatures.all);
startServer(connection);
connection.listen();
