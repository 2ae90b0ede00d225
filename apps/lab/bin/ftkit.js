#!/usr/bin/env node
// The `ftkit` bin. A committed launcher, so `npm ci` in a fresh clone links the command before
// anything is built (npm links a bin only when its file exists); it runs the bundle that
// `npm run build` writes to dist/bin/, and says so when that bundle is not there yet.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/bin/ftkit.js', import.meta.url);
if (existsSync(entry)) {
  await import(entry.href);
} else {
  process.stderr.write(
    'ftkit: the command is not built yet (apps/lab/dist/bin/ftkit.js is missing); run `npm run build` at the root of the repository first\n',
  );
  process.exitCode = 2;
}
