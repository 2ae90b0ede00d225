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

/** What every command registration receives. */
export interface CommandContext {
  readonly program: Command;
  readonly io: CliIo;
  readonly formats: readonly AnyFormatModule[];
  readonly state: RunState;
}

/** Adds one top-level command (with its subcommands) to the program. */
export type RegisterCommand = (context: CommandContext) => void;
