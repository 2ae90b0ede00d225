import { dirname, resolve } from 'node:path';
import {
  type Diagnostic,
  didYouMean,
  encodeLossless,
  type FileReport,
  hasErrors,
  LineIndex,
  makeDiagnostic,
  redactDiagnostics,
  reporters,
} from '@ftkit/core';
import { fsReader } from '@ftkit/core/node';
import writeFileAtomic from 'write-file-atomic';
import { type CliDrbdVersion, parseDrbdVersion } from '../commands/drbd-version.js';
import type { CommandContext } from '../commands/types.js';
import { detectFormat, formatByKind, readInputs } from '../files.js';
import { rulesFor, settingsFor } from '../format-options.js';
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

/**
 * Every `--set` key some format's rules read. A key not listed is a typo that would otherwise be
 * ignored silently: it is a usage error (exit 2) with the nearest key. Add new settings here.
 */
export const KNOWN_SETTINGS: readonly string[] = [
  'drbdVersion',
  'hostname',
  'cluster',
  'regionDevices',
  'peerFiles',
  'clusterNames',
  'debian',
  'heartbeatMode',
  'systemd',
  'allowTwoPrimaries',
];

/** Parses repeated `--set key=value` options into lint settings. */
function parseSettings(list: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const item of list) {
    const i = item.indexOf('=');
    if (i <= 0) throw new UsageError(`Invalid --set \`${item}\`: expected KEY=VALUE`);
    const key = item.slice(0, i);
    if (!KNOWN_SETTINGS.includes(key)) {
      const near = didYouMean(key, KNOWN_SETTINGS);
      throw new UsageError(
        `Unknown --set key \`${key}\`${near !== undefined ? `: did you mean \`${near}\`?` : ''} (known: ${KNOWN_SETTINGS.join(', ')})`,
      );
    }
    const v = item.slice(i + 1);
    out[key] = settingValue(v);
  }
  return out;
}

/**
 * The DRBD version from `--drbd-version` and its alias `--set drbdVersion=…` (checked like the
 * option; the two must agree), or `undefined` when neither is given and the content decides.
 */
function drbdVersionOf(opts: LintOptions, settings: Record<string, unknown>): CliDrbdVersion | undefined {
  let fromSet: CliDrbdVersion | undefined;
  if (settings.drbdVersion !== undefined) {
    try {
      fromSet = parseDrbdVersion(settings.drbdVersion);
    } catch (error) {
      throw new UsageError(
        `Invalid --set drbdVersion=${String(settings.drbdVersion)}: ${(error as Error).message}`,
      );
    }
  }
  if (opts.drbdVersion !== undefined && fromSet !== undefined && opts.drbdVersion !== fromSet)
    throw new UsageError(
      `--drbd-version ${opts.drbdVersion} and --set drbdVersion=${fromSet} disagree: give one of them`,
    );
  return opts.drbdVersion ?? fromSet;
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
  /** `--drbd-version`: the DRBD version of DRBD files (else `--set drbdVersion`, else content). */
  readonly drbdVersion?: CliDrbdVersion;
}

/** `ftkit lint <paths...>`: parses, validates and lints files of every known format. */
export async function lint(
  { io, loadFormats, state }: CommandContext,
  paths: readonly string[],
  opts: LintOptions,
): Promise<void> {
  const rules = parseRules(opts.rule);
  const settings = parseSettings(opts.set);
  const drbdVersion = drbdVersionOf(opts, settings);
  if (drbdVersion !== undefined) settings.drbdVersion = drbdVersion;
  const formats = await loadFormats();
  const forced = opts.kind ? formatByKind(opts.kind, formats) : undefined;
  const notRecognised: string[] = [];
  const inputs = await readInputs(paths, io, formats, notRecognised);
  const reports: FileReport[] = [];
  // Diagnostics name included files by path: show them under the name the walk gave them.
  const displayOf = new Map(inputs.map((i) => [i.path, i.display]));
  // Files another input included (reported in its context), and the context-free reports of
  // files found by walking a directory.
  const includedBy = new Set<string>();
  const ownWalked = new Set<FileReport>();
  const secrets: string[] = [];
  for (const input of inputs) {
    const format = forced ?? detectFormat(input.path, input.text, formats);
    if (!format) {
      if (!input.explicit) {
        notRecognised.push(input.display);
        continue;
      }
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
      rules: rulesFor(format, rules),
      settings: settingsFor(format, settings),
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
      await writeFileAtomic(input.path, Buffer.from(encodeLossless(result.output)));
    }
    secrets.push(...(result.secrets ?? []), ...(format.findSecrets?.(input.text) ?? []));
    // Diagnostics name files by path; show the name the user typed for the file itself.
    const own = input.path === '-' ? input.display : input.path;
    const byFile = new Map<string, Diagnostic[]>();
    const textOf = new Map<string, string | undefined>([[input.display, input.text]]);
    for (const d of result.diagnostics) {
      const mine = d.file === undefined || d.file === own;
      const shown = mine ? input.display : (displayOf.get(d.file!) ?? d.file!);
      if (!mine) textOf.set(shown, result.texts?.[d.file!]);
      const list = byFile.get(shown) ?? [];
      list.push({ ...d, file: shown });
      byFile.set(shown, list);
    }
    if (!byFile.has(input.display)) byFile.set(input.display, []);
    for (const [file, diagnostics] of byFile) {
      if (file !== input.display) includedBy.add(file);
      const text = textOf.get(file);
      const report: FileReport = { file, diagnostics, ...(text !== undefined ? { text } : {}) };
      if (file === input.display && !input.explicit) ownWalked.add(report);
      reports.push(report);
    }
  }
  const merged = mergeReports(reports, (r) => ownWalked.has(r) && includedBy.has(r.file));
  const shown = merged.map((r) => {
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
  if (notRecognised.length > 0) {
    const n = notRecognised.length;
    const names = notRecognised.slice(0, 5).join(', ') + (n > 5 ? ', …' : '');
    io.stderr(
      `ftkit: ${n} file${n === 1 ? '' : 's'} not recognised (no format claims ${n === 1 ? 'it' : 'them'} by name or content; name a file with --kind NAME to choose one): ${names}\n`,
    );
  }
  state.exitCode = hasErrors(shown.flatMap((r) => r.diagnostics)) ? ExitCode.findings : ExitCode.ok;
}

/**
 * One report per file: a report in `drop` (the context-free report of a file found in a directory
 * that another file also includes, such as drbd.d/r0.res under drbd.conf) is left out, since the
 * including file reports it in context; several reports of one file are merged, and the same
 * diagnostic reached twice is kept once. Order of first appearance is kept.
 */
function mergeReports(reports: readonly FileReport[], drop: (r: FileReport) => boolean): FileReport[] {
  const byFile = new Map<string, FileReport>();
  for (const r of reports) {
    if (drop(r)) continue;
    const prev = byFile.get(r.file);
    if (!prev) {
      byFile.set(r.file, r);
      continue;
    }
    const seen = new Set(prev.diagnostics.map(diagnosticKey));
    byFile.set(r.file, {
      ...prev,
      ...(prev.text === undefined && r.text !== undefined ? { text: r.text } : {}),
      diagnostics: [...prev.diagnostics, ...r.diagnostics.filter((d) => !seen.has(diagnosticKey(d)))],
    });
  }
  return [...byFile.values()];
}

/** Identity of a diagnostic for de-duplication: code, span and message. */
function diagnosticKey(d: Diagnostic): string {
  return `${d.code}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.message}`;
}
