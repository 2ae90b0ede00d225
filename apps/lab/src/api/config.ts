import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type AnyFormatModule,
  checkSettings,
  decodeLossless,
  didYouMean,
  FtkitError,
  type FtkitIssue,
  issuesFromSchema,
  type RuleConfig,
} from '@ftkit/core';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_IGNORES } from '../files.js';
import { readInputFile } from '../input-file.js';
import { type ConfigFile, ConfigFileSchema } from './config-schema.js';

/** Config file names looked for in each directory, in this order; two in one directory is an error. */
export const CONFIG_FILE_NAMES = [
  'ftkit.config.json',
  'ftkit.config.yaml',
  'ftkit.config.yml',
  'ftkit.config.js',
  'ftkit.config.mjs',
  'ftkit.config.ts',
] as const;

/** Files never linted when a directory or glob is expanded (defined beside the expansion). */
export { DEFAULT_IGNORES };

/** A loaded, validated config file. */
export interface LoadedConfig {
  /** Absolute path of the file; `undefined` for a config given as an object. */
  readonly path: string | undefined;
  /** The directory globs are relative to. */
  readonly dir: string;
  readonly config: ConfigFile;
}

/** What applies to one file: the merged rules and settings, and whether it is ignored. */
export interface EffectiveConfig {
  /** The config file used, or `undefined` (none found, or `--no-config`). */
  readonly configFile: string | undefined;
  readonly ignored: boolean;
  /** A format named by a matching `overrides[].kind`. */
  readonly kind: string | undefined;
  readonly rules: RuleConfig;
  readonly settings: Readonly<Record<string, unknown>>;
}

/** Every rule id of every format, with the formats that have it. */
function ruleOwners(formats: readonly AnyFormatModule[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of formats) for (const id of f.ruleIds) out.set(id, [...(out.get(id) ?? []), f.name]);
  return out;
}

/** Every setting name some format understands. */
export function knownSettings(formats: readonly AnyFormatModule[]): string[] {
  const names = new Set<string>();
  for (const f of formats) for (const k of Object.keys(f.settings)) names.add(k);
  return [...names];
}

/**
 * Checks rule ids against every format's rules and settings against the formats' setting specs:
 * unknown ids and names (with a did-you-mean) and values of the wrong type. `path` prefixes the
 * issue paths (`['overrides', 0]`, or `['--rule']` for the command line).
 */
export function checkLintConfig(
  formats: readonly AnyFormatModule[],
  rules: Readonly<Record<string, unknown>> | undefined,
  settings: Readonly<Record<string, unknown>> | undefined,
  path: readonly (string | number)[] = [],
): FtkitIssue[] {
  const issues: FtkitIssue[] = [];
  const owners = ruleOwners(formats);
  for (const id of Object.keys(rules ?? {})) {
    if (owners.has(id)) continue;
    const near = didYouMean(id, owners.keys());
    issues.push({
      code: 'core/unknown-rule',
      path: [...path, 'rules', id],
      message: `No rule \`${id}\`${near ? `; did you mean \`${near}\`?` : ''} (\`ftkit rules\` lists them)`,
    });
  }
  const known = knownSettings(formats);
  for (const [name, value] of Object.entries(settings ?? {})) {
    if (!known.includes(name)) {
      const near = didYouMean(name, known);
      issues.push({
        code: 'core/unknown-setting',
        path: [...path, 'settings', name],
        message: `No setting \`${name}\`${near ? `; did you mean \`${near}\`?` : ''} (known: ${known.join(', ')})`,
      });
      continue;
    }
    // Each format that declares the setting checks its value; the first complaint is enough.
    const complaint = formats
      .filter((f) => Object.hasOwn(f.settings, name))
      .flatMap((f) => checkSettings(f.name, f.settings, { [name]: value }, [...path, 'settings']))[0];
    if (complaint) issues.push(complaint);
  }
  return issues;
}

async function readConfigFile(file: string): Promise<unknown> {
  const ext = file.slice(file.lastIndexOf('.'));
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') {
    let text: string;
    try {
      text = decodeLossless(readInputFile(file, file));
    } catch (error) {
      throw new FtkitError('lab/invalid-config', (error as Error).message, { path: [] });
    }
    try {
      return ext === '.json' ? JSON.parse(text) : parseYaml(text, { prettyErrors: false });
    } catch (error) {
      throw new FtkitError(
        'lab/invalid-config',
        `Invalid config file \`${file}\`: ${(error as Error).message}`,
        {
          path: [],
        },
      );
    }
  }
  try {
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    return mod.default;
  } catch (error) {
    const why =
      ext === '.ts' && /Unknown file extension|ERR_UNKNOWN_FILE_EXTENSION/.test(String(error))
        ? 'this Node cannot load TypeScript; use Node 22.18 or later, or ftkit.config.js'
        : (error as Error).message;
    throw new FtkitError('lab/invalid-config', `Cannot load config file \`${file}\`: ${why}`, { path: [] });
  }
}

/**
 * Loads and validates a config file (JSON, YAML, or an ES module whose default export is the
 * config): its shape with zod, then rule ids and settings against `formats`. Throws an
 * {@link FtkitError} (`lab/invalid-config`) listing every problem.
 */
export async function loadConfigFile(
  file: string,
  formats: readonly AnyFormatModule[],
): Promise<LoadedConfig> {
  const raw = await readConfigFile(file);
  return validateConfig(raw, file, dirname(file), formats);
}

/** Validates a config object; `file` names it in messages. */
export function validateConfig(
  raw: unknown,
  file: string | undefined,
  dir: string,
  formats: readonly AnyFormatModule[],
): LoadedConfig {
  const parsed = ConfigFileSchema.safeParse(raw);
  const name = file ?? 'config';
  if (!parsed.success)
    throw FtkitError.fromIssues(
      issuesFromSchema('lab/invalid-config', parsed.error.issues),
      `Invalid config file \`${name}\``,
    );
  const c = parsed.data;
  const issues = [
    ...checkLintConfig(formats, c.rules, c.settings),
    ...(c.overrides ?? []).flatMap((o, i) => [
      ...checkLintConfig(formats, o.rules, o.settings, ['overrides', i]),
      ...(o.kind !== undefined && !formats.some((f) => f.name === o.kind)
        ? [
            {
              code: 'lab/unknown-format',
              path: ['overrides', i, 'kind'],
              message: `No format \`${o.kind}\`${(() => {
                const near = didYouMean(
                  o.kind,
                  formats.map((f) => f.name),
                );
                return near ? `; did you mean \`${near}\`?` : '';
              })()}`,
            },
          ]
        : []),
    ]),
  ];
  if (issues.length > 0) throw FtkitError.fromIssues(issues, `Invalid config file \`${name}\``);
  return { path: file, dir, config: c };
}

/**
 * The config file that applies to files in `dir`: the first of {@link CONFIG_FILE_NAMES} in
 * `dir` or the nearest directory above it, or `undefined`. Two config files in one directory is
 * an error (which one wins would be a guess).
 */
export function findConfigFile(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    const here = CONFIG_FILE_NAMES.map((n) => join(current, n)).filter((p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    });
    if (here.length > 1)
      throw new FtkitError(
        'lab/ambiguous-config',
        `Two config files in \`${current}\`: ${here.map((p) => p.slice(current.length + 1)).join(', ')}; keep one`,
        { path: [] },
      );
    if (here.length === 1) return here[0];
    const up = dirname(current);
    if (up === current) return undefined;
    current = up;
  }
}

/** `abs` relative to `dir` with POSIX separators, or `undefined` when outside it. */
function relativeInside(dir: string, abs: string): string | undefined {
  const rel = relative(dir, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

const matcherCache = new Map<string, (path: string) => boolean>();
function matches(globs: readonly string[], rel: string): boolean {
  const key = globs.join('\u0000');
  let m = matcherCache.get(key);
  if (!m) {
    m = picomatch([...globs], { dot: true });
    matcherCache.set(key, m);
  }
  return m(rel);
}

/**
 * What applies to the file at `abs` under `loaded` (none: no config): the base rules and
 * settings, then each matching override in order (later entries win), then whether an `ignores`
 * glob (or a default ignore) matches. Globs match paths relative to the config file's directory.
 */
export function effectiveConfig(loaded: LoadedConfig | undefined, abs: string | undefined): EffectiveConfig {
  let rules: Record<string, unknown> = { ...(loaded?.config.rules ?? {}) };
  let settings: Record<string, unknown> = { ...(loaded?.config.settings ?? {}) };
  let kind: string | undefined;
  let ignored = false;
  const rel = loaded && abs !== undefined ? relativeInside(loaded.dir, abs) : undefined;
  if (loaded && rel !== undefined) {
    for (const o of loaded.config.overrides ?? []) {
      if (!matches(o.files, rel) || (o.ignores && matches(o.ignores, rel))) continue;
      rules = { ...rules, ...(o.rules ?? {}) };
      settings = { ...settings, ...(o.settings ?? {}) };
      if (o.kind !== undefined) kind = o.kind;
    }
    ignored = matches([...DEFAULT_IGNORES, ...(loaded.config.ignores ?? [])], rel);
  }
  return { configFile: loaded?.path, ignored, kind, rules: rules as RuleConfig, settings };
}

/** Whether `path` exists (a config path given with `--config`). */
export function configExists(path: string): boolean {
  return existsSync(path);
}
