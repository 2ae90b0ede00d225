import { encodeLossless, hasErrors, reporters } from '@ftkit/core';
import writeFileAtomic from 'write-file-atomic';
import type { CliDrbdVersion } from '../commands/drbd-version.js';
import type { CommandContext } from '../commands/types.js';
import { detectFormat, formatByKind, readInputs } from '../files.js';
import { ExitCode, UsageError } from '../io.js';
import { writeFileText } from '../output.js';

/** Options of `ftkit fmt`. */
export interface FmtOptions {
  readonly check?: boolean;
  readonly write?: boolean;
  readonly kind?: string;
  /** `--drbd-version`: the grammar DRBD files are read with (else their content decides). */
  readonly drbdVersion?: CliDrbdVersion;
}

/** `ftkit fmt <files...>`: rewrites files in their format's canonical layout, keeping comments. */
export async function fmt(
  { io, loadFormats, state }: CommandContext,
  files: readonly string[],
  opts: FmtOptions,
): Promise<void> {
  if (opts.check && opts.write) throw new UsageError('Use either --check or --write, not both');
  const formats = await loadFormats();
  const forced = opts.kind ? formatByKind(opts.kind, formats) : undefined;
  const inputs = await readInputs(files, io, formats);
  if (!opts.check && !opts.write && inputs.length > 1) {
    throw new UsageError('Formatting several files to standard output is ambiguous: pass --write or --check');
  }
  const unformatted: string[] = [];
  for (const input of inputs) {
    const format = forced ?? detectFormat(input.path, input.text, formats);
    if (!format) {
      // Files found in a directory that no format claims are left alone.
      if (!input.explicit) continue;
      throw new UsageError(`Unknown file kind: no ftkit format recognises \`${input.display}\``);
    }
    if (!format.format) throw new UsageError(`Formatting is not supported for ${format.name} files`);
    const result = format.format(input.text, {
      fileName: input.display,
      ...(opts.drbdVersion !== undefined ? { settings: { drbdVersion: opts.drbdVersion } } : {}),
    });
    if (hasErrors(result.diagnostics)) {
      io.stderr(
        reporters.stylish([{ file: input.display, diagnostics: result.diagnostics }], {
          color: state.color,
          secrets: format.findSecrets?.(input.text) ?? [],
        }),
      );
      state.exitCode = ExitCode.findings;
      continue;
    }
    if (opts.check) {
      if (result.text !== input.text) unformatted.push(input.display);
    } else if (opts.write) {
      if (result.text !== input.text && input.path !== '-')
        await writeFileAtomic(input.path, Buffer.from(encodeLossless(result.text)));
    } else {
      writeFileText(io, result.text);
    }
  }
  if (opts.check) {
    for (const f of unformatted) io.stdout(`${f}: not formatted\n`);
    if (unformatted.length > 0) state.exitCode = ExitCode.findings;
  }
}
