import type { AnyFormatModule, Diagnostic, RuleConfig } from '@ftkit/core';
import { detectDrbdVersion } from '@ftkit/drbd-conf';
import picomatch from 'picomatch';
import { optionsForFormat } from '../../format-options.js';
import type { LabFile, LabPhase, LabTree, NodeTree } from '../tree.js';
import type { LabFacts } from './facts.js';
import { labFileKind } from './file-kind.js';
import { labFacts } from './lab-facts.js';
import { validateLab } from './validate.js';

/** One file's findings, for reporters. */
export interface CheckedFile {
  readonly file: string;
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Options of {@link checkLab}. */
export interface CheckOptions {
  /** Format descriptors whose per-file lint runs on matching files. */
  readonly formats?: readonly AnyFormatModule[];
  /** Rule configuration for the per-file lints and the cross-file rules. */
  readonly rules?: RuleConfig;
  /**
   * DRBD syntax the DRBD files are read with. Default: the content decides, as in `ftkit lint`
   * (8.4 when a DRBD file of the lab reads as 8.4 only; each file's lint then says why).
   */
  readonly drbdVersion?: '9' | '8.4';
  /** The borg series the units run with (`1.1` has no `compact`); default `1.2`. */
  readonly borgVersion?: '1.1' | '1.2';
  /**
   * The directory the tree's paths are relative to, as reports name it (for example `lab-out`
   * for a generated lab about to be written there); default: the paths as they are.
   */
  readonly dir?: string;
}

/** What {@link checkLab} found. */
export interface LabCheckResult {
  /** Every file's findings, phase after phase, in tree order. */
  readonly files: CheckedFile[];
  /** The facts of each phase, in order. */
  readonly facts: LabFacts[];
  /** The secrets the per-file lints found: reporters redact them. */
  readonly secrets: string[];
}

const isRunbook = (f: LabFile) => f.path === 'RUNBOOK.md' || f.path.endsWith('/RUNBOOK.md');

/**
 * Checks a lab tree, phase by phase (each phase is the lab as it is on the machines at once, with
 * the phase's RUNBOOK.md or else the lab's): every per-file lint of the formats given (with the
 * node's host name as the `hostname` setting), then every cross-file rule. Results are grouped by
 * file, in tree order.
 */
export function checkLab(tree: LabTree, options: CheckOptions = {}): LabCheckResult {
  const files: CheckedFile[] = [];
  const facts: LabFacts[] = [];
  const secrets: string[] = [];
  const rootRunbook = tree.files.find(isRunbook);
  for (const phase of tree.phases) {
    const r = checkPhase(phase, phase.files.find(isRunbook) ?? rootRunbook, options);
    files.push(...r.files);
    facts.push(r.facts);
    secrets.push(...r.secrets);
  }
  return { files, facts, secrets };
}

function checkPhase(
  phase: LabPhase,
  runbookFile: LabFile | undefined,
  options: CheckOptions,
): { files: CheckedFile[]; facts: LabFacts; secrets: string[] } {
  const { dir } = options;
  const named = <F extends LabFile>(f: F): F => (dir ? { ...f, path: `${dir}/${f.path}` } : f);
  const trees: readonly NodeTree[] = dir
    ? phase.nodes.map((t) => ({ ...t, files: t.files.map(named) }))
    : phase.nodes;
  const runbook = runbookFile && named(runbookFile);
  const drbdVersion = options.drbdVersion ?? contentDrbdVersion(trees);
  const facts = {
    ...labFacts(trees, runbook, undefined, drbdVersion),
    borgVersion: options.borgVersion ?? '1.2',
  };
  const byFile = new Map<string, Diagnostic[]>();
  const secrets: string[] = [];
  const push = (file: string, d: Diagnostic) => {
    const list = byFile.get(file) ?? [];
    list.push(d);
    byFile.set(file, list);
  };
  const matchers = (options.formats ?? []).map((f) => ({
    f,
    is: picomatch(f.filePatterns as string[], { dot: true }),
  }));
  trees.forEach((t, i) => {
    const hostname = facts.nodes[i]!.hostname?.value ?? t.node;
    for (const file of t.files) {
      const format = matchers.find((m) => m.is(`/${file.rel}`))?.f;
      if (!format) continue;
      const r = format.lint(file.text, {
        fileName: file.path,
        // Without a chosen version each DRBD file's lint detects it and says what it assumed.
        ...optionsForFormat(
          format,
          options.rules,
          options.drbdVersion !== undefined ? { hostname, drbdVersion } : { hostname },
        ),
      });
      secrets.push(...(r.secrets ?? []));
      for (const d of r.diagnostics) push(d.file ?? file.path, { ...d, file: d.file ?? file.path });
    }
  });
  for (const d of validateLab(facts, options.rules ? { rules: options.rules } : {})) push(d.file ?? '', d);
  const order = [...facts.texts.keys()];
  const files: CheckedFile[] = order.map((file) => ({
    file,
    text: facts.texts.get(file)!,
    diagnostics: byFile.get(file) ?? [],
  }));
  for (const [file, diagnostics] of byFile)
    if (!facts.texts.has(file)) files.push({ file, text: '', diagnostics });
  return { files, facts, secrets };
}

/** The DRBD syntax of a lab's DRBD files when none was chosen: 8.4 if any file reads as 8.4 only. */
function contentDrbdVersion(trees: readonly NodeTree[]): '9' | '8.4' {
  for (const t of trees)
    for (const f of t.files)
      if (labFileKind(f.rel) === 'drbd-conf' && detectDrbdVersion(f.text).version === '8.4') return '8.4';
  return '9';
}
