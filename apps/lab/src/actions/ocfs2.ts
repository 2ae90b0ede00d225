import { resolve } from 'node:path';
import { didYouMean, reporters } from '@ftkit/core';
// The zod-free entry: list-cluster only reads (zod alone costs about 0.1 s of start-up).
import { clusterNames, listCluster, parse } from '@ftkit/ocfs2-cluster-conf';
import type { CommandContext } from '../commands/types.js';
import { readInputFile } from '../input-file.js';
import { type CliIo, ExitCode, readStdinDocument } from '../io.js';

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file === '-') return readStdinDocument(io);
  // UTF-8 in and out: o2cb passes value bytes through unchanged, so valid UTF-8 round-trips.
  return readInputFile(resolve(io.cwd, file), file).toString('utf8');
}

/** Options of `ftkit ocfs2 list-cluster`. */
export interface ListClusterOptions {
  readonly oneline?: boolean;
}

/** `ftkit ocfs2 list-cluster FILE NAME`: what `o2cb --config-file=FILE list-cluster NAME` prints. */
export async function ocfs2ListCluster(
  { io, state }: CommandContext,
  file: string,
  name: string,
  opts: ListClusterOptions,
): Promise<void> {
  const text = await readInput(file, io);
  const display = file === '-' ? '<stdin>' : file;
  const r = parse(text, { fileName: display });
  if (!r.o2cb.accepted) {
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    io.stderr(reporters.stylish([{ file: display, diagnostics: errors, text }], { color: state.color }));
    const said = r.o2cb.code === 'crash' ? 'crash' : `print only \`Unknown code ____ ${r.o2cb.code}\``;
    io.stderr(`ftkit: o2cb refuses \`${display}\` (it would ${said})\n`);
    state.exitCode = ExitCode.findings;
    return;
  }
  const out = listCluster(r.model, name, { oneline: opts.oneline === true });
  if (out === undefined) {
    const hint = didYouMean(name, clusterNames(r.model));
    // o2cb prints this too, but exits 0; a script deserves a failing status.
    io.stderr(`ftkit: Unknown cluster '${name}'${hint ? ` (did you mean '${hint}'?)` : ''}\n`);
    state.exitCode = ExitCode.findings;
    return;
  }
  io.stdout(out);
}
