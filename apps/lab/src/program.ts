import type { AnyFormatModule } from '@ftkit/core';
import { Command, CommanderError } from 'commander';
import pkg from '../package.json' with { type: 'json' };
import { commands } from './commands/index.js';
import type { RunState } from './commands/types.js';
import { type CliIo, ExitCode, UsageError, useColor } from './io.js';

/** Options for {@link run}. */
export interface RunOptions {
  /** Formats to offer (defaults to every installed format, imported when a command needs them). */
  readonly formats?: readonly AnyFormatModule[];
}

// Importing the descriptors loads all six format packages with zod and @ftkit/core (about 0.25 s
// of CPU on a cold start), so only the commands that iterate over formats pay for it, when they run.
const installedFormats = async (): Promise<readonly AnyFormatModule[]> =>
  (await import('./formats.js')).formats;

/**
 * Runs `ftkit` with `argv` (without the node and script entries) and returns the exit code:
 * 0 ok, 1 findings of severity error, 2 usage or I/O errors (one line on stderr, no stack trace).
 * Never calls `process.exit`, so tests can run it in process.
 */
export async function run(argv: readonly string[], io: CliIo, options: RunOptions = {}): Promise<number> {
  const state: RunState = {
    exitCode: ExitCode.ok,
    color: useColor(io, !argv.includes('--no-color')),
    version: pkg.version,
  };
  const program = new Command('ftkit')
    .description('Read, lint, format and generate DRBD, OCFS2 and BorgBackup files')
    .version(pkg.version, '-V, --version', 'print the version')
    .option('--no-color', 'plain output without ANSI colours (NO_COLOR is honoured too)')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(s),
    });
  const given = options.formats;
  const loadFormats = given ? async () => given : installedFormats;
  const context = { program, io, loadFormats, state };
  for (const register of commands) register(context);
  for (const cmd of program.commands) cmd.exitOverride().configureOutput(program.configureOutput());
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return state.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with code 0.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`ftkit: ${error.message}\n`);
      return ExitCode.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`ftkit: ${message}\n`);
    return ExitCode.usage;
  }
}
