#!/usr/bin/env node
import { processIo } from './io.js';
import { run } from './program.js';

// `ftkit … | head`: the reader went away, so the rest of the output has nowhere to go. End
// quietly, as other command-line tools do, instead of failing with an unhandled EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), processIo());
