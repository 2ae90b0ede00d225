import type { AnyFormatModule } from '@ftkit/core';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';

/** Mutable per-run state commands share with the program. */
export interface RunState {
  /** Exit code the run ends with; commands set it. */
  exitCode: number;
  /** Whether output may use colours (decided from flags, NO_COLOR and the terminal). */
  color: boolean;
  readonly version: string;
}

/**
 * What every command registration receives. Registrations only declare commands; their actions
 * import the implementation (`src/actions/*`) and the packages it needs when they run, so start-up
 * pays for one command, not all of them.
 */
export interface CommandContext {
  readonly program: Command;
  readonly io: CliIo;
  /**
   * The format descriptors. Importing them loads every format package, so call this inside an
   * action, never while registering. Repeated calls return the same list.
   */
  readonly loadFormats: () => Promise<readonly AnyFormatModule[]>;
  readonly state: RunState;
}

/** Adds one top-level command (with its subcommands) to the program. */
export type RegisterCommand = (context: CommandContext) => void;
