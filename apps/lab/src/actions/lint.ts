import { dirname, resolve } from 'node:path';
import {
  type Diagnostic,
  type FileReport,
  hasErrors,
  LineIndex,
  makeDiagnostic,
  redactDiagnostics,
  reporters,
} from '@ftkit/core';
import { fsReader } from '@ftkit/core/node';
import writeFileAtomic from 'write-file-atomic';
import type { CommandContext } from '../commands/types.js';
import { detectFormat, formatByKind, readInputs } from '../files.js';
import { ExitCode, UsageError } from '../io.js';
import { parseRules } from './rule-options.js';

/** A `--set` value: JSON when it parses as JSON (numbers, booleans, arrays, objects), else the text. */
function settingValue(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** Parses repeated `--set key=value` options into lint settings. */
function parseSettings(list: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const item of list) {
    const i = item.indexOf('=');
    if (i <= 0) throw new UsageError(`Invalid --set \`${item}\`: expected KEY=VALUE`);
    const v = item.slice(i + 1);
    out[item.slice(0, i)] = settingValue(v);
  }
  return out;
}

/** Options of `ftkit lint`. */
export interface LintOptions {
  readonly format: string;
  readonly kind?: string;
  readonly rule: readonly string[];
  readonly set: readonly string[];
  readonly fix?: boolean;
  readonly quiet?: boolean;
  readonly codeFrame?: boolean;
  /** `false` with `--no-redact`. */
  readonly redact: boolean;
  /** Directory included files must stay inside; default: each file's own directory. */
  readonly root?: string;
}

/** `ftkit lint <paths...>`: parses, validates and lints files of every known format. */
export async function lint(
  { io, loadFormats, state }: CommandContext,
  paths: readonly string[],
  opts: LintOptions,
): Promise<void> {
  const rules = parseRules(opts.rule);
  const settings = parseSettings(opts.set);
  const formats = await loadFormats();
  const forced = opts.kind ? formatByKind(opts.kind, formats) : undefined;
  const inputs = await readInputs(paths, io, formats);
  const reports: FileReport[] = [];
  const secrets: string[] = [];
  for (const input of inputs) {
    const format = forced ?? detectFormat(input.path, input.text, formats);
    if (!format) {
      if (!input.explicit) continue;
      const d: Diagnostic = makeDiagnostic(new LineIndex(input.text), {
        code: 'UNKNOWN_FILE_KIND',
        severity: 'error',
        message: `Unknown file kind: no ftkit format recognises \`${input.display}\``,
        note: formats.length
          ? `Known formats: ${formats.map((f) => f.name).join(', ')}; pass --kind NAME to choose one`
          : 'No format packages are installed yet',
        span: { start: 0, end: 0 },
        source: '@ftkit/lab',
        file: input.display,
      });
      reports.push({ file: input.display, diagnostics: [d], text: input.text });
      continue;
    }
    const result = format.lint(input.text, {
      fileName: input.path === '-' ? input.display : input.path,
      rules,
      settings,
      // Includes stay inside --root, by default the file's own directory (stdin: the cwd), so a
      // hostile `include "/proc/self/environ";` is refused instead of read and framed.
      reader: fsReader({
        root:
          opts.root !== undefined
            ? resolve(io.cwd, opts.root)
            : input.path === '-'
              ? io.cwd
              : dirname(input.path),
      }),
      fix: opts.fix === true,
    });
    if (opts.fix && result.output !== undefined && result.output !== input.text && input.path !== '-') {
      await writeFileAtomic(input.path, result.output);
    }
    secrets.push(...(result.secrets ?? []), ...(format.findSecrets?.(input.text) ?? []));
    // Diagnostics name files by path; show the name the user typed for the file itself.
    const own = input.path === '-' ? input.display : input.path;
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of result.diagnostics) {
      const shown = d.file === undefined || d.file === own ? input.display : d.file;
      const list = byFile.get(shown) ?? [];
      list.push(d.file === undefined || d.file === own ? { ...d, file: input.display } : d);
      byFile.set(shown, list);
    }
    if (!byFile.has(input.display)) byFile.set(input.display, []);
    for (const [file, diagnostics] of byFile) {
      const text = file === input.display ? input.text : result.texts?.[file];
      reports.push({ file, diagnostics, ...(text !== undefined ? { text } : {}) });
    }
  }
  const shown = reports.map((r) => {
    const kept = opts.quiet ? r.diagnostics.filter((d) => d.severity === 'error') : r.diagnostics;
    return { ...r, diagnostics: opts.redact === false ? kept : redactDiagnostics(kept, secrets) };
  });
  const reporter = reporters[opts.format as keyof typeof reporters];
  const rulesInfo = formats.flatMap((f) =>
    Object.values(f.rules).map((r) => ({
      id: r.meta.id,
      description: r.meta.description,
      url: r.meta.url,
      ...(r.meta.defaultSeverity !== 'off' ? { defaultSeverity: r.meta.defaultSeverity } : {}),
    })),
  );
  io.stdout(
    reporter(shown, {
      color: state.color,
      codeFrame: opts.codeFrame === true,
      // Frames show source lines: the reporter prints every secret on them as «redacted».
      ...(opts.redact === false ? {} : { secrets }),
      rules: rulesInfo,
      toolVersion: state.version,
    }),
  );
  state.exitCode = hasErrors(shown.flatMap((r) => r.diagnostics)) ? ExitCode.findings : ExitCode.ok;
}
