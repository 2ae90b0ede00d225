import { existsSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
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
import { checkLab } from '../lab/check.js';
import { defaultLabSpec } from '../lab/default-spec.js';
import { labFormats } from '../lab/formats.js';
import { generateLab } from '../lab/generate.js';
import { readLabArgs } from '../lab/read-tree.js';
import { labRules } from '../lab/rules/index.js';
import { LAB_SOURCE, type LoadSpecResult } from '../lab/source.js';
import type { NodeTree } from '../lab/tree.js';
import { parseRules } from './rule-options.js';

/**
 * Reads a spec file (YAML, JSON, or TypeScript/JavaScript with a default export), or the default.
 * The schema (and zod with it) is loaded only for a spec file: the built-in spec is complete and
 * valid as written (tested), so `ftkit lab generate` without a spec starts without it.
 */
export async function readSpec(
  path: string | undefined,
  io: CliIo,
): Promise<{ result: LoadSpecResult; file: string; text: string }> {
  if (path === undefined)
    return { result: { spec: defaultLabSpec, diagnostics: [] }, file: '<default lab>', text: '' };
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
    const { validateSpecValue } = await import('../lab/validate-spec.js');
    const out = new DiagnosticCollector('', LAB_SOURCE, path);
    return { result: validateSpecValue(value, out), file: path, text: '' };
  }
  const text = readInputFile(abs, path).toString('utf8');
  // Only YAML and JSON specs need the yaml package; the built-in lab and TS specs skip it.
  const { loadLabSpec } = await import('../lab/load-spec.js');
  return { result: loadLabSpec(text, path), file: path, text };
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

/** Trees of a generated lab, as `lab check` would read them after writing. */
function treesOf(
  files: readonly { path: string; text: string }[],
  outDir: string,
): { trees: NodeTree[]; runbook?: { display: string; text: string } } {
  const byNode = new Map<string, NodeTree['files'][number][]>();
  let runbook: { display: string; text: string } | undefined;
  for (const f of files) {
    const slash = f.path.indexOf('/');
    if (slash < 0) {
      if (f.path === 'RUNBOOK.md') runbook = { display: `${outDir}/${f.path}`, text: f.text };
      continue;
    }
    const node = f.path.slice(0, slash);
    const list = byNode.get(node) ?? [];
    list.push({ rel: f.path.slice(slash + 1), display: `${outDir}/${f.path}`, text: f.text });
    byNode.set(node, list);
  }
  return {
    trees: [...byNode].map(([node, list]) => ({ node, files: list })),
    ...(runbook ? { runbook } : {}),
  };
}

/** Options of `ftkit lab generate`. */
export interface LabGenerateOptions {
  readonly out: string;
  readonly mode?: 'single-primary' | 'dual-primary';
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
  const { result, file, text } = await readSpec(specPath, io);
  if (!result.spec) {
    report(io, [{ file, diagnostics: result.diagnostics, text }], opts.format, state.color, state.version);
    state.exitCode = ExitCode.findings;
    return;
  }
  const outDir = resolve(io.cwd, opts.out);
  const shown = relative(io.cwd, outDir) || '.';
  const generated = generateLab(result.spec, {
    ...(opts.mode ? { mode: opts.mode } : {}),
    ...(opts.drbdVersion ? { drbdVersion: opts.drbdVersion } : {}),
    outDir: shown,
  });
  const { trees, runbook } = treesOf(generated.files, shown);
  const checked = checkLab(trees, runbook, {
    formats: labFormats,
    drbdVersion: generated.plan.drbdVersion,
  });
  const problems = checked.files.filter((f) => f.diagnostics.length > 0);
  if (hasErrors(problems.flatMap((f) => f.diagnostics))) {
    io.stderr('ftkit: the generated lab has errors; nothing was written\n');
    report(
      io,
      problems.map((f) => ({
        file: f.file,
        diagnostics: redactDiagnostics(f.diagnostics, checked.secrets),
        text: f.text,
      })),
      opts.format,
      state.color,
      state.version,
      checked.secrets,
    );
    state.exitCode = ExitCode.findings;
    return;
  }
  // The writer brings the diff library; `lab check` shares this module and never writes.
  const { writeLab } = await import('../lab/write.js');
  const results = writeLab(outDir, generated.files, {
    force: opts.force === true,
    dryRun: opts.dryRun === true,
  });
  const conflicts = results.filter((r) => r.status === 'conflict');
  for (const r of results) {
    const mark = {
      created: c.green('+'),
      updated: c.yellow('~'),
      unchanged: c.dim('='),
      conflict: c.red('!'),
    }[r.status];
    io.stdout(
      `${mark} ${shown}/${r.path}${r.status === 'conflict' ? c.red('  (exists and differs)') : ''}\n`,
    );
    if (opts.dryRun && r.diff) {
      // The diff shows lines of the file on disk too (say, an old shared-secret): redact what
      // every format finds in either side, and the generated lab's own secrets.
      const diff = redactText(r.diff, [...checked.secrets, ...diffSecrets(r.diff)]);
      io.stdout(diff.endsWith('\n') ? diff : `${diff}\n`);
    }
  }
  // --dry-run shows the diffs of the conflicting files and writes nothing either way: what the
  // user asked for worked, and the same command without --dry-run reports the conflicts.
  if (conflicts.length > 0 && !opts.dryRun) {
    io.stderr(
      `ftkit: ${conflicts.length} file(s) exist and differ; nothing was written (use --force to overwrite, --dry-run to see the diffs)\n`,
    );
    state.exitCode = ExitCode.usage;
    return;
  }
  if (!opts.dryRun) {
    const warnings = problems.flatMap((f) => f.diagnostics).length;
    io.stdout(
      `\n${c.bold(`Lab written to ${shown}/`)} (${generated.plan.mode}, DRBD ${generated.plan.drbdVersion}, ${generated.plan.nodes.length} nodes${warnings ? `, ${warnings} warning(s)` : ''})\n` +
        `Read next: ${shown}/RUNBOOK.md — the commands per node, in order\n` +
        `Check it:  ftkit lab check ${shown}\n`,
    );
  }
}

/** Options of `ftkit lab check`. */
export interface LabCheckOptions {
  readonly format: string;
  readonly rule: readonly string[];
  /** `--drbd-version` (8.3 is read with the 8.4 grammar); the lab checker defaults to 9. */
  readonly drbdVersion?: CliDrbdVersion;
  readonly quiet?: boolean;
}

/** `ftkit lab check DIRS...`: lints every file of machine trees and checks how they fit together. */
export async function labCheck(
  { io, loadFormats, state }: CommandContext,
  dirs: readonly string[],
  opts: LabCheckOptions,
): Promise<void> {
  let read: ReturnType<typeof readLabArgs>;
  try {
    read = readLabArgs(dirs, io.cwd);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const rules = parseRules(opts.rule);
  if (opts.drbdVersion === '8.3') io.stderr(`ftkit: ${GRAMMAR_83_NOTE}\n`);
  const checked = checkLab(read.trees, read.runbook, {
    formats: await loadFormats(),
    rules,
    ...(opts.drbdVersion !== undefined ? { drbdVersion: grammarOf(opts.drbdVersion) } : {}),
  });
  const reports: FileReport[] = checked.files.map((f) => {
    const kept: Diagnostic[] = opts.quiet
      ? f.diagnostics.filter((d) => d.severity === 'error')
      : [...f.diagnostics];
    return { file: f.file, diagnostics: redactDiagnostics(kept, checked.secrets), text: f.text };
  });
  report(io, reports, opts.format, state.color, state.version, checked.secrets);
  if (opts.format === 'stylish' && !reports.some((r) => r.diagnostics.length)) {
    const n = read.trees.reduce((a, t) => a + t.files.length, 0);
    io.stdout(`✔ ${n} files on ${read.trees.length} node(s): no problems\n`);
  }
  state.exitCode = hasErrors(reports.flatMap((r) => r.diagnostics)) ? ExitCode.findings : ExitCode.ok;
}

/** `ftkit lab schema`: prints the JSON Schema of lab specs. */
export async function labSchema({ io }: CommandContext): Promise<void> {
  const { labJsonSchema } = await import('../lab/spec.js');
  io.stdout(`${JSON.stringify(labJsonSchema(), null, 2)}\n`);
}
