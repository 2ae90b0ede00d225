import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { redactDiagnostics, reporters } from '@ftkit/core';
import { fsReader } from '@ftkit/core/node';
import { collectSecrets, dump, migrate, parse } from '@ftkit/drbd-conf';
import { Option } from 'commander';
import writeFileAtomic from 'write-file-atomic';
import { type CliIo, ExitCode, UsageError } from '../io.js';
import type { CommandContext } from './types.js';

async function readInput(file: string, io: CliIo): Promise<{ text: string; path: string; display: string }> {
  if (file === '-')
    return { text: await io.readStdin(), path: resolve(io.cwd, 'stdin.conf'), display: '<stdin>' };
  const path = resolve(io.cwd, file);
  try {
    return { text: await readFile(path, 'utf8'), path, display: file };
  } catch (error) {
    throw new UsageError(
      `Cannot read \`${file}\`: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

/**
 * `ftkit drbd …`: drbdadm-compatible views of drbd.conf. `dump` prints what `drbdadm -c FILE
 * dump all` prints (run as node `--host`), following includes; where drbdadm would reject the
 * file it exits 1 and lists every problem with its line and column.
 */
export function registerDrbd({ program, io, state }: CommandContext): void {
  const drbd = program.command('drbd').description('DRBD configuration tools that print what drbdadm prints');
  drbd
    .command('dump')
    .description('Print the configuration exactly as `drbdadm -c FILE dump all` does')
    .argument('<file>', 'the drbd.conf or .res file (`-` reads standard input)')
    .addOption(new Option('--drbd-version <v>', 'parser to mirror').choices(['9', '8.4']).default('9'))
    .option('--host <name>', 'the local node name (like __DRBD_NODE__; default: the host name)')
    .option('--root <dir>', 'directory that included files must stay inside', '/')
    .option('--redact', 'print shared-secret values as «redacted» (for dumps that go to logs)')
    .action(
      async (
        file: string,
        opts: { drbdVersion: '9' | '8.4'; host?: string; root: string; redact?: boolean },
      ) => {
        const input = await readInput(file, io);
        const host = opts.host ?? io.env.__DRBD_NODE__ ?? io.env.HOSTNAME ?? 'localhost';
        const r = parse(input.text, {
          drbdVersion: opts.drbdVersion,
          fileName: input.path,
          reader: fsReader({ root: opts.root }),
          root: opts.root,
        });
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0) {
          const byFile = new Map<string, typeof errors>();
          for (const d of errors)
            byFile.set(d.file ?? input.path, [...(byFile.get(d.file ?? input.path) ?? []), d]);
          const texts = new Map(r.files.map((f) => [f.fileName ?? input.path, f.text]));
          const secrets = collectSecrets(r.model);
          io.stderr(
            reporters.stylish(
              [...byFile].map(([f, ds]) => ({
                file: f === input.path ? input.display : f,
                diagnostics: redactDiagnostics(ds, secrets),
                text: texts.get(f) ?? '',
              })),
              { color: state.color },
            ),
          );
          state.exitCode = ExitCode.findings;
          return;
        }
        io.stdout(
          dump(r.model, {
            drbdVersion: opts.drbdVersion,
            host,
            configPath: input.path,
            definedAt: (x) => r.definedAt(x),
            redact: opts.redact === true,
          }),
        );
      },
    );
  drbd
    .command('migrate')
    .description('Rewrite a DRBD 8.4 configuration for DRBD 9, keeping comments')
    .argument('<file>', 'the drbd.conf or .res file')
    .addOption(new Option('--to <version>', 'target version').choices(['9']).makeOptionMandatory())
    .option('--write', 'write the result back (atomically) instead of printing it')
    .action(async (file: string, opts: { to: '9'; write?: boolean }) => {
      const input = await readInput(file, io);
      const m = migrate(input.text, { fileName: input.path });
      const errors = m.diagnostics.filter((d) => d.severity === 'error');
      for (const c of m.changes) io.stderr(`${c}\n`);
      if (errors.length > 0) {
        io.stderr(
          reporters.stylish([{ file: input.display, diagnostics: errors, text: input.text }], {
            color: state.color,
          }),
        );
        io.stderr('ftkit: some problems need a manual fix before DRBD 9 accepts the file\n');
        state.exitCode = ExitCode.findings;
      }
      if (opts.write) {
        if (file === '-') throw new UsageError('--write needs a file, not standard input');
        if (m.text !== input.text && errors.length === 0) await writeFileAtomic(input.path, m.text);
      } else io.stdout(m.text);
    });
}
