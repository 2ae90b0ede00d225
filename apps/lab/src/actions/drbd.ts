import { dirname, resolve } from 'node:path';
import {
  decodeLossless,
  encodeLossless,
  isInside,
  normalizePath,
  redactDiagnostics,
  reporters,
  sysrootReader,
} from '@ftkit/core';
import { fsReader } from '@ftkit/core/node';
// The main entry loads no zod (zod alone costs about 0.1 s of start-up).
import { collectSecrets, detectDrbdVersion, dump, migrate, parse, secretsInText } from '@ftkit/drbd-conf';
import writeFileAtomic from 'write-file-atomic';
import { type CliDrbdVersion, GRAMMAR_83_NOTE, grammarOf } from '../commands/drbd-version.js';
import type { CommandContext } from '../commands/types.js';
import { readInputFile } from '../input-file.js';
import { type CliIo, ExitCode, readStdinDocument, UsageError } from '../io.js';
import { writeFileText } from '../output.js';

async function readInput(file: string, io: CliIo): Promise<{ text: string; path: string; display: string }> {
  if (file === '-')
    return { text: await readStdinDocument(io), path: resolve(io.cwd, 'stdin.conf'), display: '<stdin>' };
  const path = resolve(io.cwd, file);
  return { text: decodeLossless(readInputFile(path, file)), path, display: file };
}

/** Options of `ftkit drbd dump`. */
export interface DumpOptions {
  /** Without it the content decides (a file DRBD 9 reads cleanly is DRBD 9). */
  readonly drbdVersion?: CliDrbdVersion;
  readonly host?: string;
  /** Directory included files must stay inside; default: the file's directory (stdin: the cwd). */
  readonly root?: string;
  /** Absolute includes of a file inside this directory resolve under it (a tree kept in a repository). */
  readonly sysroot?: string;
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
  const chosen = opts.drbdVersion !== undefined ? grammarOf(opts.drbdVersion) : undefined;
  const rootReal = opts.root !== undefined ? resolve(io.cwd, opts.root) : dirname(input.path);
  // --sysroot: the file is read as the host would see it (`/etc/drbd.conf`), its absolute
  // includes under the sysroot; --root still confines them (as seen from inside).
  const sysroot = opts.sysroot !== undefined ? normalizePath(resolve(io.cwd, opts.sysroot)) : undefined;
  const inSysroot = sysroot !== undefined && file !== '-' && isInside(sysroot, input.path);
  if (inSysroot && !isInside(sysroot, rootReal))
    throw new UsageError(`--root \`${rootReal}\` lies outside --sysroot \`${sysroot}\``);
  const seen = (p: string) => (inSysroot ? normalizePath(`/${p.slice(sysroot!.length)}`) : p);
  const real = (p: string) => (inSysroot && p.startsWith('/') ? normalizePath(`${sysroot}/${p}`) : p);
  const root = seen(rootReal);
  const configPath = seen(input.path);
  const inner = fsReader({ root: rootReal });
  const parseOptions = {
    fileName: configPath,
    reader: inSysroot ? sysrootReader(inner, sysroot!) : inner,
    root,
  };
  let r: ReturnType<typeof parse>;
  let drbdVersion: '9' | '8.4' | '8.3';
  if (chosen !== undefined) {
    // 8.3: checked and printed as drbdadm-83 does (the model is 8.4's)
    drbdVersion = opts.drbdVersion === '8.3' ? '8.3' : chosen;
    r = parse(input.text, { drbdVersion, ...parseOptions });
  } else {
    const guess = detectDrbdVersion(input.text, parseOptions);
    r = guess.result;
    drbdVersion = guess.version;
    // stdout stays exactly what drbdadm prints; say on stderr which parser that is and why
    if (guess.version !== '9')
      io.stderr(`ftkit: assumed DRBD ${guess.version}: ${guess.reason} (choose with --drbd-version)\n`);
  }
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const byFile = new Map<string, typeof errors>();
    for (const d of errors)
      byFile.set(d.file ?? configPath, [...(byFile.get(d.file ?? configPath) ?? []), d]);
    const texts = new Map(r.files.map((f) => [f.fileName ?? configPath, f.text]));
    // The model holds well-formed secrets only; the lexical scan finds malformed ones too.
    const secrets = [...collectSecrets(r.model), ...r.files.flatMap((f) => secretsInText(f.text))];
    io.stderr(
      reporters.stylish(
        [...byFile].map(([f, ds]) => ({
          file: f === configPath ? input.display : real(f),
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
      drbdVersion,
      host,
      configPath,
      definedAt: (x) => r.definedAt(x),
      redact: opts.redact === true,
    }),
  );
}

/** Options of `ftkit drbd migrate`. */
export interface MigrateOptions {
  readonly to: '9';
  /** The version of the input: 8.4 (default) or 8.3 (read with the 8.4 grammar). */
  readonly drbdVersion?: CliDrbdVersion;
  readonly write?: boolean;
}

/** `ftkit drbd migrate FILE --to 9`: rewrites a DRBD 8.4 configuration for DRBD 9. */
export async function drbdMigrate(
  { io, state }: CommandContext,
  file: string,
  opts: MigrateOptions,
): Promise<void> {
  if (opts.drbdVersion === '9')
    throw new UsageError('--drbd-version 9: the file is already DRBD 9; migrate reads DRBD 8.4 or 8.3 files');
  if (opts.drbdVersion === '8.3') io.stderr(`ftkit: ${GRAMMAR_83_NOTE}\n`);
  const input = await readInput(file, io);
  const m = migrate(input.text, { fileName: input.path });
  const errors = m.diagnostics.filter((d) => d.severity === 'error');
  for (const c of m.changes) io.stderr(`${c}\n`);
  if (errors.length > 0) {
    // What DRBD 9 would still reject, at its place in the input: `migrate` maps positions in the
    // migrated text back to the statement the user wrote (a moved option to where it stood).
    io.stderr(
      reporters.stylish([{ file: input.display, diagnostics: errors, text: input.text }], {
        color: state.color,
        secrets: [...secretsInText(input.text), ...secretsInText(m.text)],
      }),
    );
    io.stderr('ftkit: some problems need a manual fix before DRBD 9 accepts the file\n');
    state.exitCode = ExitCode.findings;
  }
  if (opts.write) {
    if (file === '-') throw new UsageError('--write needs a file, not standard input');
    if (m.text !== input.text && errors.length === 0)
      await writeFileAtomic(input.path, Buffer.from(encodeLossless(m.text)));
  } else writeFileText(io, m.text);
}
