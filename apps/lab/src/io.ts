import pc from 'picocolors';

/** Exit codes of `ftkit`. */
export const ExitCode = {
  /** Nothing of severity error. */
  ok: 0,
  /** At least one finding of severity error. */
  findings: 1,
  /** Bad usage, or a file that could not be read or written. */
  usage: 2,
} as const;

/** An error the CLI prints as one line (no stack trace) before exiting with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  /**
   * Writes bytes to standard output as they are: file text with bytes that are not UTF-8 (see
   * `encodeLossless` in @ftkit/core). Optional; without it such text goes through `stdout`.
   */
  readonly stdoutBytes?: (bytes: Uint8Array) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of standard input (for `-` arguments). */
  readonly readStdin: () => Promise<string>;
  /**
   * Standard input as it arrives, for the streaming commands (`borg items`, `borg log`,
   * `events2`); without it they fall back to {@link CliIo.readStdin}.
   */
  readonly stdinStream?: () => AsyncIterable<Uint8Array | string>;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colours, progress bars). */
  readonly isTTY: boolean;
}

/**
 * Largest input read whole (a file named on the command line, or standard input for commands that
 * need the whole text), in bytes: 64 MiB, as `DEFAULT_MAX_FILE_BYTES` of `@ftkit/core/node` (not
 * imported here: this module loads at start-up). Streaming commands (`borg items`, `borg log`,
 * `events2`) have no total limit, only a per-line one.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads all of the process's standard input, refusing more than {@link MAX_INPUT_BYTES}. */
async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > MAX_INPUT_BYTES)
      throw new UsageError(`Cannot read \`<stdin>\`: larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
    chunks.push(chunk as Buffer);
  }
  // lazily: the start-up path loads no format code (bytes that are not UTF-8 are kept)
  const { decodeLossless } = await import('@ftkit/core');
  return decodeLossless(Buffer.concat(chunks));
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stdoutBytes: (b) => process.stdout.write(b),
    stderr: (t) => process.stderr.write(t),
    readStdin: readProcessStdin,
    stdinStream: () => process.stdin,
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
  };
}

/** Whether to colour output: `--no-color` and `NO_COLOR` turn it off, `FORCE_COLOR` on, else a TTY. */
export function useColor(io: CliIo, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

/** picocolors bound to the colour decision. */
export function colors(enabled: boolean) {
  return pc.createColors(enabled);
}

/**
 * Standard input for a command that reads one document (`fmt -`, `status -`, `drbd dump -`,
 * `ocfs2 list-cluster -`, `borg validate -`, `borg prune-plan -`, `lint -` without a file name):
 * empty input is a usage error (exit 2), since it almost always means the producer in front of the
 * pipe failed. Commands that follow a stream (`events2`, `borg items`, `borg log`) read an empty
 * stream as zero records instead (exit 0).
 */
export async function readStdinDocument(io: CliIo): Promise<string> {
  const text = await io.readStdin();
  if (text === '') throw new UsageError('Standard input is empty: nothing was piped into `-`');
  return text;
}
