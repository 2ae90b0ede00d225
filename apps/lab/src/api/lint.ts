import { statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import {
  type AnyFormatModule,
  countBySeverity,
  type Diagnostic,
  decodeLossless,
  FtkitError,
  formatNamed,
  isInside,
  LineIndex,
  makeDiagnostic,
  normalizePath,
  type RuleConfig,
  type SourceReader,
  sysrootReader,
} from '@ftkit/core';
import { fsReader } from '@ftkit/core/node';
import { detectFormat, expandPaths, formatByName, MAX_WALKED_FILE_BYTES } from '../files.js';
import { optionsForFormat } from '../format-options.js';
import { readInputFile } from '../input-file.js';
import {
  CONFIG_FILE_NAMES,
  checkLintConfig,
  type EffectiveConfig,
  effectiveConfig,
  findConfigFile,
  type LoadedConfig,
  loadConfigFile,
  validateConfig,
} from './config.js';
import type { ConfigFile } from './config-schema.js';

/** Options of {@link lintText} and {@link lintFiles}. */
export interface LintApiOptions {
  /** Directory relative paths and globs are resolved against. Default `process.cwd()`. */
  readonly cwd?: string;
  /**
   * The config: a file path (used for every file), `false` for none, or a config object. Default:
   * the `ftkit.config.*` found upward from each linted file's directory.
   */
  readonly config?: string | false | ConfigFile;
  /** Rule settings applied over the config's (the CLI's `--rule`). Unknown ids throw. */
  readonly rules?: RuleConfig;
  /** Settings applied over the config's (the CLI's `--set`, `--drbd-version`). Unknown names throw. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Read every file as this format (the CLI's `--kind`). */
  readonly kind?: string;
  /** Compute safe fixes: `output` holds the fixed text. Nothing is written. */
  readonly fix?: boolean;
  /** Included files must stay below this directory. Default: each linted file's own directory. */
  readonly root?: string;
  /**
   * Absolute include paths and file references of files inside this directory resolve under it,
   * as if it were `/` (for configuration trees kept in a repository). `root` still applies.
   */
  readonly sysroot?: string;
  /** Ignore inline `ftkit-disable…` directives. */
  readonly noInlineConfig?: boolean;
  /**
   * Where included files are read (an editor passes one that serves open documents first).
   * Default: the file system, confined to `root`. `sysroot` wraps it.
   */
  readonly reader?: SourceReader;
  /** The formats to use. Default: every format `@ftkit/lab` ships. */
  readonly formats?: readonly AnyFormatModule[];
}

/** Options of {@link lintText}: where the text comes from. */
export interface LintTextOptions extends LintApiOptions {
  /**
   * The file the text is (or would be) stored as: it selects the format by name, the config file
   * (searched upward from its directory) and the overrides and ignores that apply, and names the
   * result. Without it the text is anonymous: the format comes from its content or `kind`.
   */
  readonly filePath?: string;
}

/** The lint result of one file. */
export interface LintFileResult {
  /** Absolute path of the file; for anonymous text, `<text>`. */
  readonly filePath: string;
  /** The format that read it; `undefined` when none recognised it (see the diagnostic). */
  readonly format: string | undefined;
  /** Parse, schema and rule findings for this file only, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** The file's text (for code frames). */
  readonly source?: string;
  /** The fixed text, with `fix: true` when fixes changed it. */
  readonly output?: string;
  /**
   * The linted file that included this one (drbd.conf `include`), when this result comes from
   * that file's context rather than from linting this file on its own.
   */
  readonly includedBy?: string;
  /** Secret values in the files (DRBD shared secrets): redact them wherever text is shown. */
  readonly secrets: readonly string[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  /** Findings with a safe fix. */
  readonly fixableCount: number;
}

/** What {@link lintFiles} returns. */
export interface LintFilesResult {
  /** One result per file, in the order files were found (includes after their includer). */
  readonly results: readonly LintFileResult[];
  /** Files found by walking a directory or a glob that no format claims (not linted). */
  readonly notRecognised: readonly string[];
  /** Files skipped because an `ignores` glob of their config matched. */
  readonly ignored: readonly string[];
}

const installed = async (): Promise<readonly AnyFormatModule[]> => (await import('../formats.js')).formats;

function counts(diagnostics: readonly Diagnostic[]) {
  const n = countBySeverity(diagnostics);
  return {
    errorCount: n.error,
    warningCount: n.warning,
    infoCount: n.info,
    fixableCount: diagnostics.filter((d) => d.fix).length,
  };
}

/** Resolves config files once per directory and per file. */
class ConfigResolver {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();
  private readonly fixed: Promise<LoadedConfig | undefined>;

  private readonly options: LintApiOptions;
  private readonly cwd: string;
  private readonly formats: readonly AnyFormatModule[];

  constructor(options: LintApiOptions, cwd: string, formats: readonly AnyFormatModule[]) {
    this.options = options;
    this.cwd = cwd;
    this.formats = formats;
    const c = options.config;
    this.fixed =
      c === undefined || c === false
        ? Promise.resolve(undefined)
        : typeof c === 'string'
          ? loadConfigFile(resolve(cwd, c), formats)
          : Promise.resolve(validateConfig(c, undefined, cwd, formats));
  }

  /** The config for a file at `abs` (or anonymous text, looked up from the cwd). */
  async for(abs: string | undefined): Promise<EffectiveConfig> {
    if (this.options.config !== undefined) return effectiveConfig(await this.fixed, abs);
    const dir = abs !== undefined ? dirname(abs) : this.cwd;
    let file = this.byDir.get(dir);
    if (!this.byDir.has(dir)) {
      file = findConfigFile(dir);
      this.byDir.set(dir, file);
    }
    if (file === undefined) return effectiveConfig(undefined, abs);
    let p = this.loaded.get(file);
    if (!p) {
      p = loadConfigFile(file, this.formats);
      this.loaded.set(file, p);
    }
    return effectiveConfig(await p, abs);
  }
}

interface Context {
  readonly cwd: string;
  readonly formats: readonly AnyFormatModule[];
  readonly configs: ConfigResolver;
  readonly options: LintApiOptions;
}

async function contextOf(options: LintApiOptions): Promise<Context> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const formats = options.formats ?? (await installed());
  const issues = checkLintConfig(formats, options.rules, options.settings);
  if (issues.length > 0) throw FtkitError.fromIssues(issues, 'Invalid lint options');
  // An unknown kind is an FtkitError (`core/unknown-format`) with a did-you-mean.
  if (options.kind !== undefined) formatNamed(formats, options.kind);
  return { cwd, formats, configs: new ConfigResolver(options, cwd, formats), options };
}

/** The parts of `config` a format knows: its own rule ids, and the settings it declares. */
/** Where a file's includes are read: confined to `root`, and under `sysroot` when it has one. */
function readerFor(
  ctx: Context,
  abs: string | undefined,
): { reader: SourceReader; fileName: string | undefined; real: (p: string) => string } {
  const o = ctx.options;
  const rootReal = normalizePath(
    o.root !== undefined ? resolve(ctx.cwd, o.root) : abs !== undefined ? dirname(abs) : ctx.cwd,
  );
  const inner = o.reader ?? fsReader({ root: rootReal });
  const sysroot = o.sysroot !== undefined ? normalizePath(resolve(ctx.cwd, o.sysroot)) : undefined;
  if (sysroot === undefined || abs === undefined || !isInside(sysroot, abs)) {
    return { reader: inner, fileName: abs, real: (p) => p };
  }
  if (!isInside(sysroot, rootReal))
    throw new FtkitError(
      'lab/root-outside-sysroot',
      `--root \`${rootReal}\` lies outside --sysroot \`${sysroot}\``,
      {
        path: ['root'],
      },
    );
  const virtual = (p: string) => normalizePath(`/${p.slice(sysroot.length)}`);
  return {
    reader: sysrootReader(inner, sysroot),
    fileName: virtual(normalizePath(abs)),
    real: (p) => (p.startsWith('/') ? normalizePath(sysroot === '/' ? p : `${sysroot}${p}`) : p),
  };
}

async function lintOne(
  ctx: Context,
  text: string,
  abs: string | undefined,
  name: string,
  effective: EffectiveConfig,
): Promise<LintFileResult[]> {
  const o = ctx.options;
  const kind = o.kind ?? effective.kind;
  const format =
    kind !== undefined ? formatNamed(ctx.formats, kind) : detectFormat(abs ?? '-', text, ctx.formats);
  if (!format) {
    const d = makeDiagnostic(new LineIndex(text), {
      code: 'lab/unknown-file-kind',
      severity: 'error',
      message:
        abs !== undefined
          ? `Unknown file kind: no ftkit format recognises \`${displayName(abs, ctx.cwd)}\``
          : 'Unknown file kind: no ftkit format recognises this text',
      note: `Known formats: ${ctx.formats.map((f) => f.name).join(', ')}; pass --kind NAME (or --stdin-filename) to choose one`,
      span: { start: 0, end: 0 },
      source: '@ftkit/lab',
      file: name,
    });
    return [
      { filePath: name, format: undefined, diagnostics: [d], source: text, secrets: [], ...counts([d]) },
    ];
  }
  const merged = optionsForFormat(
    format,
    { ...effective.rules, ...(o.rules ?? {}) },
    { ...effective.settings, ...(o.settings ?? {}) },
  );
  const { reader, fileName, real } = readerFor(ctx, abs);
  const result = format.lint(text, {
    ...(fileName !== undefined ? { fileName } : { fileName: name }),
    rules: merged.rules,
    settings: merged.settings,
    reader,
    fix: o.fix === true,
    ...(o.noInlineConfig ? { noInlineConfig: true } : {}),
  });
  const diagnostics = result.diagnostics;
  const secrets = [...new Set([...(result.secrets ?? []), ...(format.findSecrets?.(text) ?? [])])];
  const own = fileName ?? name;
  const ownPath = abs ?? name;
  const byFile = new Map<string, Diagnostic[]>([[ownPath, []]]);
  // Every file read through an include is a result, clean or not.
  for (const name of Object.keys(result.texts ?? {})) if (real(name) !== ownPath) byFile.set(real(name), []);
  for (const d of diagnostics) {
    const file = d.file === undefined || d.file === own ? ownPath : real(d.file);
    const list = byFile.get(file) ?? [];
    list.push({ ...d, file });
    byFile.set(file, list);
  }
  const out: LintFileResult[] = [];
  for (const [file, list] of byFile) {
    const mine = file === ownPath;
    const virtualName = [...Object.keys(result.texts ?? {})].find((k) => real(k) === file);
    const source = mine ? text : virtualName !== undefined ? result.texts?.[virtualName] : undefined;
    out.push({
      filePath: file,
      format: format.name,
      diagnostics: list,
      ...(source !== undefined ? { source } : {}),
      ...(mine && result.output !== undefined && result.output !== text ? { output: result.output } : {}),
      ...(mine ? {} : { includedBy: ownPath }),
      secrets,
      ...counts(list),
    });
  }
  return out;
}

/**
 * Lints one text, as ESLint's `lintText`: the format from `kind`, the config's overrides, the
 * file name or the content; the config file found upward from `filePath` (or given); inline
 * directives honoured. Returns one result per file, the text's own first, then every file it
 * included that has findings or was read (each with `includedBy`). An ignored `filePath` gives
 * `[]`. Never throws on file content; throws an `FtkitError` for a bad config or options.
 */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintFileResult[]> {
  const ctx = await contextOf(options);
  const abs = options.filePath !== undefined ? resolve(ctx.cwd, options.filePath) : undefined;
  const effective = await ctx.configs.for(abs);
  if (effective.ignored) return [];
  return lintOne(ctx, text, abs, abs ?? '<text>', effective);
}

/** Config files are not linted when a directory is walked (no format reads them). */
const isConfigFile = (path: string) => (CONFIG_FILE_NAMES as readonly string[]).includes(basename(path));

/** Identity of a diagnostic for de-duplication: code, span and message. */
const keyOf = (d: Diagnostic) => `${d.code}\u0000${d.span.start}\u0000${d.span.end}\u0000${d.message}`;

/**
 * Lints files, directories and globs, as ESLint's `lintFiles`: each file with the config found
 * upward from it (or the one given), `ignores` and `overrides` applied, inline directives
 * honoured. Files a linted file includes are results of their own (`includedBy`), never mixed into
 * the includer's; a file both walked and included is reported once, in the includer's context.
 * Throws an `FtkitError`: `lab/no-files-matched` when nothing is left to lint,
 * `lab/file-not-found` for a path that is neither a file, a directory nor a glob, and
 * `lab/invalid-config` for a bad config.
 */
export async function lintFiles(
  patterns: readonly string[],
  options: LintApiOptions = {},
): Promise<LintFilesResult> {
  const ctx = await contextOf(options);
  const candidates = expandPaths(patterns, ctx.cwd, isConfigFile);
  const notRecognised: string[] = [];
  const ignored: string[] = [];
  const own = new Map<string, { result: LintFileResult; explicit: boolean }>();
  const included = new Map<string, LintFileResult>();
  const order: string[] = [];
  const note = (p: string) => {
    if (!order.includes(p)) order.push(p);
  };
  for (const c of candidates) {
    const effective = await ctx.configs.for(c.abs);
    if (effective.ignored) {
      ignored.push(c.abs);
      continue;
    }
    const byName =
      formatByName(c.abs, ctx.formats) !== undefined ||
      effective.kind !== undefined ||
      options.kind !== undefined;
    let bytes: Buffer;
    if (!c.explicit && !byName) {
      let size = 0;
      try {
        size = statSync(c.abs).size;
      } catch {
        size = 0;
      }
      if (size > MAX_WALKED_FILE_BYTES) {
        notRecognised.push(c.abs);
        continue;
      }
    }
    try {
      bytes = readInputFile(c.abs, displayName(c.abs, ctx.cwd));
    } catch (error) {
      if (c.explicit || byName) throw error;
      notRecognised.push(c.abs);
      continue;
    }
    const text = decodeLossless(bytes);
    if (!c.explicit && !byName) {
      if (text.slice(0, 8192).includes('\u0000') || !detectFormat(c.abs, text, ctx.formats)) {
        notRecognised.push(c.abs);
        continue;
      }
    }
    const results = await lintOne(ctx, text, c.abs, c.abs, effective);
    for (const r of results) {
      note(r.filePath);
      if (r.includedBy === undefined) own.set(r.filePath, { result: r, explicit: c.explicit });
      else {
        const prev = included.get(r.filePath);
        if (!prev) included.set(r.filePath, r);
        else {
          const seen = new Set(prev.diagnostics.map(keyOf));
          const diagnostics = [...prev.diagnostics, ...r.diagnostics.filter((d) => !seen.has(keyOf(d)))];
          included.set(r.filePath, {
            ...prev,
            diagnostics,
            secrets: [...new Set([...prev.secrets, ...r.secrets])],
            ...counts(diagnostics),
          });
        }
      }
    }
  }
  if (own.size === 0) {
    const all = patterns.map((p) => `\`${p}\``).join(', ');
    const why =
      notRecognised.length > 0
        ? `No file matched by ${all} is in a format ftkit knows (${notRecognised.length} not recognised; name one with --kind NAME)`
        : ignored.length > 0
          ? `All files matched by ${all} are ignored by the config`
          : `No files matched ${all}`;
    throw new FtkitError('lab/no-files-matched', why, { path: [] });
  }
  const results: LintFileResult[] = [];
  for (const file of order) {
    const mine = own.get(file);
    const inc = included.get(file);
    if (mine && inc) {
      // A walked file another file includes: its findings in the includer's context replace the
      // context-free ones. A file the user named keeps both, each finding once.
      if (!mine.explicit) {
        results.push(inc);
        continue;
      }
      const seen = new Set(mine.result.diagnostics.map(keyOf));
      const diagnostics = [...mine.result.diagnostics, ...inc.diagnostics.filter((d) => !seen.has(keyOf(d)))];
      results.push({ ...mine.result, diagnostics, ...counts(diagnostics) });
    } else if (mine) results.push(mine.result);
    else if (inc) results.push(inc);
  }
  return { results, notRecognised, ignored };
}

/** `abs` relative to `cwd` when inside it (POSIX separators kept as the platform writes them), else `abs`. */
export function displayName(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel) ? abs : rel;
}

/** What `--print-config FILE` shows: the config file, the format, and the merged rules and settings. */
export interface PrintedConfig {
  readonly filePath: string;
  readonly configFile: string | null;
  readonly ignored: boolean;
  readonly format: string | null;
  readonly rules: RuleConfig;
  readonly settings: Readonly<Record<string, unknown>>;
}

/**
 * The effective configuration for `filePath` (which need not exist): the config file that
 * applies, whether it is ignored, the format chosen by kind or name, and the rules and settings
 * its format would get, with `options.rules`/`settings` applied on top.
 */
export async function calculateConfigForFile(
  filePath: string,
  options: LintApiOptions = {},
): Promise<PrintedConfig> {
  const ctx = await contextOf(options);
  const abs = resolve(ctx.cwd, filePath);
  const effective = await ctx.configs.for(abs);
  const kind = options.kind ?? effective.kind;
  const format = kind !== undefined ? formatNamed(ctx.formats, kind) : formatByName(abs, ctx.formats);
  const rules = { ...effective.rules, ...(options.rules ?? {}) };
  const settings = { ...effective.settings, ...(options.settings ?? {}) };
  const scoped = format ? optionsForFormat(format, rules, settings) : { rules, settings };
  return {
    filePath: abs,
    configFile: effective.configFile ?? null,
    ignored: effective.ignored,
    format: format?.name ?? null,
    rules: scoped.rules,
    settings: scoped.settings,
  };
}
