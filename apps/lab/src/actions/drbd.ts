import { dirname, resolve } from 'node:path';
import { redactDiagnostics, reporters } from '@ftkit/core';
import { fsReader } from '@ftkit/core/node';
// The zod-free entry: dump and migrate only read (zod alone costs about 0.1 s of start-up).
import { collectSecrets, dump, migrate, parse, quickDump, secretsInText } from '@ftkit/drbd-conf/read';
import writeFileAtomic from 'write-file-atomic';
import type { CommandContext } from '../commands/types.js';
import { readInputFile } from '../input-file.js';
import { type CliIo, ExitCode, UsageError } from '../io.js';

async function readInput(file: string, io: CliIo): Promise<{ text: string; path: string; display: string }> {
  if (file === '-')
    return { text: await io.readStdin(), path: resolve(io.cwd, 'stdin.conf'), display: '<stdin>' };
  const path = resolve(io.cwd, file);
  return { text: readInputFile(path, file).toString('utf8'), path, display: file };
}

/** Options of `ftkit drbd dump`. */
export interface DumpOptions {
  readonly drbdVersion: '9' | '8.4';
  readonly host?: string;
  /** Directory included files must stay inside; default: the file's directory (stdin: the cwd). */
  readonly root?: string;
  readonly redact?: boolean;
}

/** `ftkit drbd dump FILE`: what `drbdadm -c FILE dump all` prints, or every problem it would reject. */
export async function drbdDump(
  { io, state }: CommandContext,
  file: string,
  opts: DumpOptions,
): Promise<void> {
  const input = await readInput(file, io);
  const host = opts.host ?? io.env.__DRBD_NODE__ ?? io.env.HOSTNAME ?? 'localhost';
  // Most files take the quick path (no CST, no kept model); it declines anything it does not
  // know, and everything with a problem, and then the full parser below reports it.
  const quick = quickDump(input.text, {
    drbdVersion: opts.drbdVersion,
    host,
    configPath: input.path,
    definedAt: true,
    fileName: input.path,
    redact: opts.redact === true,
  });
  if (quick !== undefined) {
    io.stdout(quick);
    return;
  }
  const root = opts.root !== undefined ? resolve(io.cwd, opts.root) : dirname(input.path);
  const r = parse(input.text, {
    drbdVersion: opts.drbdVersion,
    fileName: input.path,
    reader: fsReader({ root }),
    root,
  });
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const byFile = new Map<string, typeof errors>();
    for (const d of errors)
      byFile.set(d.file ?? input.path, [...(byFile.get(d.file ?? input.path) ?? []), d]);
    const texts = new Map(r.files.map((f) => [f.fileName ?? input.path, f.text]));
    // The model holds well-formed secrets only; the lexical scan finds malformed ones too.
    const secrets = [...collectSecrets(r.model), ...r.files.flatMap((f) => secretsInText(f.text))];
    io.stderr(
      reporters.stylish(
        [...byFile].map(([f, ds]) => ({
          file: f === input.path ? input.display : f,
          diagnostics: redactDiagnostics(ds, secrets),
          text: texts.get(f) ?? '',
        })),
        { color: state.color, secrets },
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
}

/** Options of `ftkit drbd migrate`. */
export interface MigrateOptions {
  readonly to: '9';
  readonly write?: boolean;
}

/** `ftkit drbd migrate FILE --to 9`: rewrites a DRBD 8.4 configuration for DRBD 9. */
export async function drbdMigrate(
  { io, state }: CommandContext,
  file: string,
  opts: MigrateOptions,
): Promise<void> {
  const input = await readInput(file, io);
  const m = migrate(input.text, { fileName: input.path });
  const errors = m.diagnostics.filter((d) => d.severity === 'error');
  for (const c of m.changes) io.stderr(`${c}\n`);
  if (errors.length > 0) {
    io.stderr(
      reporters.stylish([{ file: input.display, diagnostics: errors, text: input.text }], {
        color: state.color,
        secrets: secretsInText(input.text),
      }),
    );
    io.stderr('ftkit: some problems need a manual fix before DRBD 9 accepts the file\n');
    state.exitCode = ExitCode.findings;
  }
  if (opts.write) {
    if (file === '-') throw new UsageError('--write needs a file, not standard input');
    if (m.text !== input.text && errors.length === 0) await writeFileAtomic(input.path, m.text);
  } else io.stdout(m.text);
}
