import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { encodeLossless, type FileReport, redactDiagnostics, reporters } from '@ftkit/core';
import writeFileAtomic from 'write-file-atomic';
import { checkLintConfig } from '../api/config.js';
import {
  calculateConfigForFile,
  displayName,
  type LintApiOptions,
  type LintFileResult,
  lintFiles,
  lintText,
} from '../api/lint.js';
import { type CliDrbdVersion, parseDrbdVersion } from '../commands/drbd-version.js';
import type { CommandContext } from '../commands/types.js';
import { ExitCode, readStdinDocument, UsageError } from '../io.js';
import { parseRules } from './rule-options.js';

/** A `--set` value: JSON when it parses as JSON (numbers, booleans, arrays, objects), else the text. */
function settingValue(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** Parses repeated `--set key=value` options; names and values are checked with the config's. */
function parseSettings(list: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const item of list) {
    const i = item.indexOf('=');
    if (i <= 0) throw new UsageError(`Invalid --set \`${item}\`: expected KEY=VALUE`);
    out[item.slice(0, i)] = settingValue(item.slice(i + 1));
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
  /** `--sysroot`: absolute includes of files inside it resolve under it. */
  readonly sysroot?: string;
  /** `--drbd-version`: the DRBD version of DRBD files (else `--set drbdVersion`, else content). */
  readonly drbdVersion?: CliDrbdVersion;
  /** `--config FILE`, or `false` with `--no-config`. */
  readonly config?: string | false;
  readonly printConfig?: string;
  readonly maxWarnings?: number;
  readonly outputFile?: string;
  readonly stdinFilename?: string;
  /** `false` with `--no-inline-config`. */
  readonly inlineConfig?: boolean;
  /** `--base`: SARIF, github, junit and checkstyle paths are relative to it (default: the cwd). */
  readonly base?: string;
}

/** `ftkit lint <paths...>`: lints files, directories and globs through `lintFiles`/`lintText`. */
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
  // Command-line text in the declared type where that is unambiguous (`clusterNames=web,db`).
  for (const [name, value] of Object.entries(settings)) {
    const spec = formats
      .map((f) => (f.settings && Object.hasOwn(f.settings, name) ? f.settings[name] : undefined))
      .find(Boolean);
    if (spec?.type === 'string[]' && typeof value === 'string')
      settings[name] = value.split(',').filter((v) => v !== '');
    else if (spec?.type === 'string' && (typeof value === 'number' || typeof value === 'boolean'))
      settings[name] = String(value);
  }
  // Checked here too, to name the flag: `Unknown --set key `x`: did you mean …` (exit 2).
  const issues = checkLintConfig(formats, rules, settings);
  if (issues.length > 0)
    throw new UsageError(
      issues
        .map((i) => {
          const [where, name] = i.path;
          const flag = where === 'rules' ? '--rule' : '--set';
          const why = i.message.replace(/^No (rule|setting) `[^`]*`;? ?/, '');
          return i.code === 'core/invalid-setting'
            ? `Invalid ${flag} \`${String(name)}\`: ${why}`
            : `Unknown ${flag} ${flag === '--rule' ? 'id' : 'key'} \`${String(name)}\`: ${why}`;
        })
        .join('\nftkit: '),
    );
  const api: LintApiOptions = {
    cwd: io.cwd,
    formats,
    rules,
    settings,
    fix: opts.fix === true,
    ...(opts.config !== undefined ? { config: opts.config } : {}),
    ...(opts.kind !== undefined ? { kind: opts.kind } : {}),
    ...(opts.root !== undefined ? { root: opts.root } : {}),
    ...(opts.sysroot !== undefined ? { sysroot: opts.sysroot } : {}),
    ...(opts.inlineConfig === false ? { noInlineConfig: true } : {}),
  };
  if (opts.printConfig !== undefined) {
    io.stdout(`${JSON.stringify(await calculateConfigForFile(opts.printConfig, api), null, 2)}\n`);
    return;
  }
  if (paths.length === 0) throw new UsageError('Missing paths to lint (`-` reads standard input)');
  if (opts.stdinFilename !== undefined && !paths.includes('-'))
    throw new UsageError('--stdin-filename names standard input: pass `-` as a path too');
  const files = paths.filter((p) => p !== '-');
  const results: LintFileResult[] = [];
  // The name a file is shown under: as typed when named, else relative to the cwd.
  const typed = new Map(files.map((p) => [resolve(io.cwd, p), p]));
  let notRecognised: readonly string[] = [];
  if (files.length > 0) {
    const r = await lintFiles(files, api);
    results.push(...r.results);
    notRecognised = r.notRecognised;
  }
  let stdinName: string | undefined;
  if (paths.includes('-')) {
    // Empty input is a valid empty file once its format is known (an empty fstab), else exit 2.
    const text =
      opts.stdinFilename !== undefined || opts.kind !== undefined
        ? await io.readStdin()
        : await readStdinDocument(io);
    const r = await lintText(text, {
      ...api,
      fix: false,
      ...(opts.stdinFilename !== undefined ? { filePath: opts.stdinFilename } : {}),
    });
    stdinName = r[0]?.filePath;
    results.push(...r);
  }
  const shownAs = (r: LintFileResult) =>
    r.filePath === stdinName
      ? (opts.stdinFilename ?? '<stdin>')
      : (typed.get(r.filePath) ?? (r.filePath === '<text>' ? '<stdin>' : displayName(r.filePath, io.cwd)));
  if (opts.fix) {
    for (const r of results) {
      if (r.output !== undefined && r.filePath !== stdinName)
        await writeFileAtomic(r.filePath, Buffer.from(encodeLossless(r.output)));
    }
  }
  const secrets = [...new Set(results.flatMap((r) => r.secrets))];
  const reports: FileReport[] = results.map((r) => {
    const kept = opts.quiet ? r.diagnostics.filter((d) => d.severity === 'error') : r.diagnostics;
    const shown = shownAs(r);
    const diagnostics = (opts.redact === false ? kept : redactDiagnostics(kept, secrets)).map((d) => ({
      ...d,
      file: shown,
    }));
    return {
      file: shown,
      ...(r.filePath.startsWith('/') ? { path: r.filePath } : {}),
      diagnostics,
      ...(r.source !== undefined ? { text: r.source } : {}),
    };
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
  const report = reporter(reports, {
    color: opts.outputFile === undefined && state.color,
    codeFrame: opts.codeFrame === true,
    // Frames show source lines: the reporter prints every secret on them as «redacted».
    ...(opts.redact === false ? {} : { secrets }),
    rules: rulesInfo,
    toolVersion: state.version,
    ...(opts.fix ? {} : { fixHint: '--fix' }),
    base: resolve(io.cwd, opts.base ?? '.'),
  });
  if (opts.outputFile !== undefined) {
    const target = resolve(io.cwd, opts.outputFile);
    try {
      mkdirSync(dirname(target), { recursive: true });
      await writeFileAtomic(target, report);
    } catch (error) {
      throw new UsageError(
        `Cannot write \`${opts.outputFile}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  } else io.stdout(report);
  if (notRecognised.length > 0) {
    const n = notRecognised.length;
    const list = notRecognised.map((p) => displayName(p, io.cwd));
    const names = list.slice(0, 5).join(', ') + (n > 5 ? ', …' : '');
    io.stderr(
      `ftkit: ${n} file${n === 1 ? '' : 's'} not recognised (no format claims ${n === 1 ? 'it' : 'them'} by name or content; name a file with --kind NAME to choose one): ${names}\n`,
    );
  }
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const tooMany = opts.maxWarnings !== undefined && opts.maxWarnings >= 0 && warnings > opts.maxWarnings;
  if (tooMany)
    io.stderr(
      `ftkit: too many warnings (${warnings}); at most ${opts.maxWarnings} allowed by --max-warnings\n`,
    );
  state.exitCode = errors > 0 || tooMany ? ExitCode.findings : ExitCode.ok;
}
