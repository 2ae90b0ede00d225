import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Diagnostic,
  DiagnosticCollector,
  type FileReport,
  hasErrors,
  redactDiagnostics,
  redactText,
  reporters,
} from '@ftkit/core';
import { type CliDrbdVersion, GRAMMAR_83_NOTE, grammarOf } from '../commands/drbd-version.js';
import type { CommandContext } from '../commands/types.js';
import { readInputFile } from '../input-file.js';
import { type CliIo, colors, ExitCode, UsageError } from '../io.js';
import { checkLab } from '../lab/check/check.js';
import { readLabArgs } from '../lab/check/read-tree.js';
import { labRules } from '../lab/check/rules/index.js';
import { labFormats } from '../lab/formats.js';
import { generateLab, LAB_SETTINGS_FILE } from '../lab/generate/generate.js';
import { defaultLabSpec } from '../lab/spec/default-spec.js';
import { LAB_SOURCE, type LoadSpecResult } from '../lab/spec/source.js';
import type { LabSpec } from '../lab/spec/spec.js';
import { type LabTree, labFiles } from '../lab/tree.js';
import { parseRules } from './rule-options.js';

/**
 * Reads a spec file (YAML, JSON, or TypeScript/JavaScript with a default export), or the default.
 * The schema (and zod with it) is loaded only for a spec file: the built-in spec is complete and
 * valid as written (tested), so `ftkit lab generate` without a spec starts without it — unless
 * `overrides` (from `--mode`, `--drbd-version`) change it: then it is checked like a spec file.
 */
export async function readSpec(
  path: string | undefined,
  io: CliIo,
  overrides: Readonly<Record<string, unknown>> = {},
): Promise<{ result: LoadSpecResult; file: string; text: string }> {
  const overridden = Object.keys(overrides).length > 0;
  if (path === undefined) {
    if (!overridden)
      return { result: { spec: defaultLabSpec, diagnostics: [] }, file: '<default lab>', text: '' };
    const { validateSpecValue } = await import('../lab/spec/validate-spec.js');
    const out = new DiagnosticCollector('', LAB_SOURCE, '<default lab>');
    return {
      result: validateSpecValue({ ...defaultLabSpec, ...overrides }, out),
      file: '<default lab>',
      text: '',
    };
  }
  const abs = resolve(io.cwd, path);
  if (!existsSync(abs)) throw new UsageError(`Cannot read \`${path}\`: no such file or directory`);
  const ext = extname(abs);
  if (['.ts', '.mts', '.js', '.mjs'].includes(ext)) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(
        `Cannot load \`${path}\`: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}${ext.endsWith('ts') ? ' (TypeScript specs need Node 22.18 or later)' : ''}`,
      );
    }
    const value = mod.default ?? mod.lab;
    const { validateSpecValue } = await import('../lab/spec/validate-spec.js');
    const out = new DiagnosticCollector('', LAB_SOURCE, path);
    const merged =
      overridden && value && typeof value === 'object' ? { ...(value as object), ...overrides } : value;
    return { result: validateSpecValue(merged, out), file: path, text: '' };
  }
  const text = readInputFile(abs, path).toString('utf8');
  // Only YAML and JSON specs need the yaml package; the built-in lab and TS specs skip it.
  const { loadLabSpec } = await import('../lab/spec/load-spec.js');
  return { result: loadLabSpec(text, path, overrides), file: path, text };
}

function report(
  io: CliIo,
  reports: FileReport[],
  format: string,
  color: boolean,
  version: string,
  secrets: readonly string[] = [],
): void {
  const reporter = reporters[format as keyof typeof reporters];
  io.stdout(
    reporter(reports, {
      color,
      codeFrame: format === 'stylish',
      // Frames are always on here: the reporter prints every secret on a shown line as «redacted».
      secrets,
      rules: Object.values(labRules).map((r) => ({
        id: r.meta.id,
        description: r.meta.description,
        url: r.meta.url,
        ...(r.meta.defaultSeverity !== 'off' ? { defaultSeverity: r.meta.defaultSeverity } : {}),
      })),
      toolVersion: version,
    }),
  );
}

/**
 * Secrets written on either side of a unified diff: the `+`/`-`/` ` column is dropped so each
 * format's lexical `findSecrets` sees the lines as they stand in the file.
 */
function diffSecrets(diff: string): string[] {
  const body = diff
    .split('\n')
    .filter((l) => !l.startsWith('+++') && !l.startsWith('---') && !l.startsWith('@@'))
    .map((l) => l.slice(1))
    .join('\n');
  return labFormats.flatMap((f) => f.findSecrets?.(body) ?? []);
}

/**
 * The DRBD shared secret of each resource with peer authentication: the one an earlier run wrote
 * into the output directory (so regenerating changes nothing), else 24 random bytes. The secret
 * is only ever written to the 0600 resource files; reports redact it.
 */
function labSecrets(spec: LabSpec, outDir: string): Record<string, string> {
  const secrets: Record<string, string> = {};
  const dirs = ['', 'phase-1-single-primary/', 'phase-2-dual-primary/'];
  for (const r of spec.resources) {
    if (!r.peerAuthentication) continue;
    found: for (const d of dirs)
      for (const n of spec.nodes) {
        const file = join(outDir, `${d}${n.name}/etc/drbd.d/${r.name}.res`);
        try {
          if (!lstatSync(file).isFile()) continue;
          const m = /\bshared-secret\s+"?([A-Za-z0-9_-]{16,63})"?\s*;/.exec(readFileSync(file, 'utf8'));
          if (m) {
            secrets[r.name] = m[1]!;
            break found;
          }
        } catch {
          // Not written yet.
        }
      }
    secrets[r.name] ??= randomBytes(24).toString('base64url');
  }
  return secrets;
}

/**
 * The shared secrets of the DRBD files already in the output directory that this run reports on:
 * a diff's `-` lines and a conflict's old text must not show them either.
 */
async function oldSecrets(outDir: string, paths: readonly string[]): Promise<string[]> {
  const drbd = paths.filter((p) => /(^|\/)etc\/(drbd\.conf|drbd\.d\/[^/]+\.(res|conf))$/.test(p));
  if (drbd.length === 0) return [];
  const { collectSecrets, parse } = await import('@ftkit/drbd-conf');
  const out: string[] = [];
  for (const p of drbd) {
    const file = join(outDir, ...p.split('/'));
    try {
      if (!lstatSync(file).isFile()) continue;
      out.push(...collectSecrets(parse(readFileSync(file, 'utf8')).model));
    } catch {
      // Not there (yet): nothing to hide.
    }
  }
  return out;
}

/** Options of `ftkit lab generate`. */
export interface LabGenerateOptions {
  readonly out: string;
  readonly mode?: 'single-primary' | 'dual-primary' | 'single-then-dual-primary';
  readonly drbdVersion?: '9' | '8.4';
  readonly force?: boolean;
  readonly dryRun?: boolean;
  readonly format: string;
}

/** `ftkit lab generate [SPEC] --out DIR`: writes one tree per node plus RUNBOOK.md. */
export async function labGenerate(
  { io, state }: CommandContext,
  specPath: string | undefined,
  opts: LabGenerateOptions,
): Promise<void> {
  const c = colors(state.color);
  // `--mode` and `--drbd-version` become part of the spec, so what they make impossible (three
  // primaries, three nodes on 8.4) is a spec error at the spec's lines, before anything is made.
  const overrides = {
    ...(opts.mode ? { mode: opts.mode } : {}),
    ...(opts.drbdVersion
      ? {
          drbdVersion: opts.drbdVersion,
          drbdPackages: opts.drbdVersion === '9' ? 'linbit' : 'distribution',
        }
      : {}),
  };
  const { result, file, text } = await readSpec(specPath, io, overrides);
  if (!result.spec) {
    report(io, [{ file, diagnostics: result.diagnostics, text }], opts.format, state.color, state.version);
    state.exitCode = ExitCode.findings;
    return;
  }
  const outDir = resolve(io.cwd, opts.out);
  const shown = relative(io.cwd, outDir) || '.';
  const secrets = labSecrets(result.spec, outDir);
  const generated = generateLab(result.spec, { outDir: shown, secrets });
  // Every phase is checked as the lab it is on the machines (phase 2 replaces phase 1's files).
  const problems = generated.phases.flatMap((phase) => {
    const checked = checkLab(
      { phases: [phase], files: generated.files },
      {
        formats: labFormats,
        drbdVersion: phase.plan.drbdVersion,
        borgVersion: phase.plan.borgSeries,
        dir: shown,
      },
    );
    return checked.files
      .filter((f) => f.diagnostics.length > 0)
      .map((f) => ({ ...f, secrets: checked.secrets }));
  });
  if (hasErrors(problems.flatMap((f) => f.diagnostics))) {
    io.stderr('ftkit: the generated lab has errors; nothing was written\n');
    report(
      io,
      problems.map((f) => ({
        file: f.file,
        diagnostics: redactDiagnostics(f.diagnostics, [...f.secrets, ...Object.values(secrets)]),
        // The reporter prints every secret on a framed line as «redacted».
        text: f.text,
      })),
      opts.format,
      state.color,
      state.version,
      [...problems.flatMap((f) => f.secrets), ...Object.values(secrets)],
    );
    state.exitCode = ExitCode.findings;
    return;
  }
  // The writer brings the diff library; `lab check` shares this module and never writes.
  const { writeLab } = await import('../lab/generate/write.js');
  const hidden = [
    ...Object.values(secrets),
    ...(await oldSecrets(
      outDir,
      labFiles(generated).map((f) => f.path),
    )),
  ];
  const results = writeLab(outDir, generated, {
    force: opts.force === true,
    dryRun: opts.dryRun === true,
  });
  const conflicts = results.filter((r) => r.status === 'conflict');
  const blocking = conflicts.filter((r) => !opts.force || r.reason !== 'exists and differs');
  for (const r of results) {
    const mark = {
      created: c.green('+'),
      updated: c.yellow('~'),
      unchanged: c.dim('='),
      removed: c.yellow('-'),
      conflict: c.red('!'),
    }[r.status];
    const why = r.reason ? `  (${r.reason})` : '';
    io.stdout(`${mark} ${shown}/${r.path}${r.status === 'conflict' ? c.red(why) : c.dim(why)}\n`);
    if (opts.dryRun && r.diff) {
      // The diff shows lines of the file on disk too (say, an old shared-secret): redact what
      // every format finds in either side, and the generated lab's own secrets.
      const diff = redactText(r.diff, [...hidden, ...diffSecrets(r.diff)]);
      io.stdout(diff.endsWith('\n') ? diff : `${diff}\n`);
    }
  }
  // --dry-run shows the diffs of the conflicting files and writes nothing either way: what the
  // user asked for worked, and the same command without --dry-run reports the conflicts.
  if (blocking.length > 0 && !opts.dryRun) {
    const symlinks = blocking.filter((r) => r.reason?.includes('symlink')).length;
    io.stderr(
      `ftkit: ${blocking.length} file(s) in the way; nothing was written (${symlinks ? 'symlinks are never written through; ' : ''}use --force to overwrite or remove edited files, --dry-run to see the diffs)\n`,
    );
    state.exitCode = ExitCode.usage;
    return;
  }
  if (!opts.dryRun) {
    // Info findings are not warnings (lab check lists both).
    const warnings = problems.flatMap((f) => f.diagnostics).filter((d) => d.severity === 'warning').length;
    io.stdout(
      `\n${c.bold(`Lab written to ${shown}/`)} (${generated.phases.map((p) => p.plan.mode).join(' then ')}, ${generated.plan.platform}, DRBD ${generated.plan.drbdVersion}, ${generated.plan.nodes.length} nodes${warnings ? `, ${warnings} warning(s)` : ''})\n` +
        `Read next: ${shown}/RUNBOOK.md — the commands per node, in order\n` +
        `Check it:  ftkit lab check --drbd-version ${generated.plan.drbdVersion} ${shown}\n`,
    );
  }
}

/** Options of `ftkit lab check`. */
export interface LabCheckOptions {
  readonly format: string;
  readonly rule: readonly string[];
  /**
   * `--drbd-version` (8.3 is read with the 8.4 grammar); default: a generated lab's own settings
   * file, else 9.
   */
  readonly drbdVersion?: CliDrbdVersion;
  readonly quiet?: boolean;
}

/** `ftkit lab check DIRS...`: lints every file of machine trees and checks how they fit together. */
export async function labCheck(
  { io, loadFormats, state }: CommandContext,
  dirs: readonly string[],
  opts: LabCheckOptions,
): Promise<void> {
  // A generated lab carries its settings; a two-phase lab is checked phase by phase.
  const one = dirs.length === 1 ? resolve(io.cwd, dirs[0]!) : undefined;
  // A phase directory of a two-phase lab takes its settings from the lab around it.
  const settings = one
    ? (labSettings(one) ??
      (/^phase-\d+-[a-z-]+$/.test(basename(one)) ? { ...labSettings(dirname(one)), phases: [] } : undefined))
    : undefined;
  const groups = settings?.phases.length ? settings.phases.map((p) => [join(dirs[0]!, p)]) : [dirs];
  let tree: LabTree;
  try {
    // Each phase directory reads as a lab of one phase.
    tree = { phases: groups.flatMap((g) => readLabArgs(g, io.cwd).phases), files: [] };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const rules = parseRules(opts.rule);
  const formats = await loadFormats();
  if (opts.drbdVersion === '8.3') io.stderr(`ftkit: ${GRAMMAR_83_NOTE}\n`);
  const drbdVersion = opts.drbdVersion !== undefined ? grammarOf(opts.drbdVersion) : settings?.drbdVersion;
  const checked = checkLab(tree, {
    formats,
    rules,
    ...(drbdVersion !== undefined ? { drbdVersion } : {}),
    ...(settings?.borgVersion ? { borgVersion: settings.borgVersion } : {}),
  });
  const nodes = tree.phases.flatMap((p) => p.nodes);
  const reports: FileReport[] = checked.files.map((f) => {
    const kept: Diagnostic[] = opts.quiet
      ? f.diagnostics.filter((d) => d.severity === 'error')
      : [...f.diagnostics];
    // Code frames print the file's lines: the reporter gets the secrets and hides them there.
    return {
      file: f.file,
      diagnostics: redactDiagnostics(kept, checked.secrets),
      text: f.text,
    };
  });
  report(io, reports, opts.format, state.color, state.version, checked.secrets);
  if (opts.format === 'stylish' && !reports.some((r) => r.diagnostics.length)) {
    const n = nodes.reduce((a, t) => a + t.files.length, 0);
    io.stdout(`✔ ${n} files on ${nodes.length} node(s): no problems\n`);
  }
  state.exitCode = hasErrors(reports.flatMap((r) => r.diagnostics)) ? ExitCode.findings : ExitCode.ok;
}

/** The settings a generated lab directory carries in its settings file (`undefined`: none). */
function labSettings(
  dir: string,
): { drbdVersion?: '9' | '8.4'; borgVersion?: '1.1' | '1.2'; phases: string[] } | undefined {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(join(dir, LAB_SETTINGS_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  return {
    ...(v.drbdVersion === '9' || v.drbdVersion === '8.4' ? { drbdVersion: v.drbdVersion } : {}),
    ...(v.borgVersion === '1.1' || v.borgVersion === '1.2' ? { borgVersion: v.borgVersion } : {}),
    phases: Array.isArray(v.phases)
      ? v.phases.filter(
          (p): p is string =>
            typeof p === 'string' && /^phase-\d-[a-z-]+$/.test(p) && existsSync(join(dir, p)),
        )
      : [],
  };
}

/** `ftkit lab schema`: prints the JSON Schema of lab specs. */
export async function labSchema({ io }: CommandContext): Promise<void> {
  const { labJsonSchema } = await import('../lab/spec/spec.js');
  io.stdout(`${JSON.stringify(labJsonSchema(), null, 2)}\n`);
}
