import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { didYouMean, reporters } from '@ftkit/core';
import { clusterNames, listCluster, parse } from '@ftkit/ocfs2-cluster-conf';
import { type CliIo, ExitCode, UsageError } from '../io.js';
import type { CommandContext } from './types.js';

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file === '-') return io.readStdin();
  try {
    // UTF-8 in and out: o2cb passes value bytes through unchanged, so valid UTF-8 round-trips.
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `Cannot read \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

/**
 * `ftkit ocfs2 …`: o2cb-compatible views of /etc/ocfs2/cluster.conf. `list-cluster` prints exactly
 * what `o2cb --config-file=FILE list-cluster NAME` prints; where o2cb would refuse the file (and
 * only say `Unknown code ____ 251`) it shows every reason with its line and column instead.
 */
export function registerOcfs2({ program, io, state }: CommandContext): void {
  const ocfs2 = program
    .command('ocfs2')
    .description('OCFS2 cluster.conf tools that print what o2cb prints, with real error messages');
  ocfs2
    .command('list-cluster')
    .description('Print a cluster (heartbeats, nodes, cluster) exactly as `o2cb list-cluster` does')
    .argument('<file>', 'the cluster.conf to read (`-` reads standard input)')
    .argument('<name>', 'the cluster name (case-sensitive)')
    .option('--oneline', 'one line per heartbeat, node and cluster, like `o2cb list-cluster --oneline`')
    .action(async (file: string, name: string, opts: { oneline?: boolean }) => {
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
    });
}
