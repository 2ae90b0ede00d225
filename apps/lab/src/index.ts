export * from './api/index.js';
export type { CommandContext, RegisterCommand, RunState } from './commands/types.js';
export { detectFormat, formatByName } from './files.js';
export { formats } from './formats.js';
export type { CliIo } from './io.js';
export { ExitCode, processIo, UsageError } from './io.js';
export * from './lab/index.js';
export type { RunOptions } from './program.js';
export { run } from './program.js';
