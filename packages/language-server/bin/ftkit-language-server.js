#!/usr/bin/env node
// The `ftkit-language-server` bin. A committed launcher, so `npm ci` in a fresh clone links the
// command before anything is built (npm links a bin only when its file exists); it runs the bundle
// that `npm run build` writes to dist/, and says so when that bundle is not there yet.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (existsSync(entry)) {
  const { main } = await import(entry.href);
  main(process.argv.slice(2));
} else {
  process.stderr.write(
    'ftkit-language-server: the server is not built yet (packages/language-server/dist/cli.js is missing); run `npm run build` at the root of the repository first\n',
  );
  process.exitCode = 2;
}
