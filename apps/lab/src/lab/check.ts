import type { AnyFormatModule, Diagnostic, RuleConfig } from '@ftkit/core';
import { detectDrbdVersion } from '@ftkit/drbd-conf/lite';
import picomatch from 'picomatch';
import type { LabFacts } from './facts.js';
import { labFacts, labFileKind, type NodeTree } from './tree.js';
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
}

/**
 * Checks lab trees: every per-file lint of the formats given (with the node's host name as the
 * `hostname` setting), then every cross-file rule. Results are grouped by file, in tree order.
 */
export function checkLab(
  trees: readonly NodeTree[],
  runbook: { display: string; text: string } | undefined,
  options: CheckOptions = {},
): { files: CheckedFile[]; facts: LabFacts; secrets: string[] } {
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
        fileName: file.display,
        // Without a chosen version each DRBD file's lint detects it and says what it assumed.
        settings: options.drbdVersion !== undefined ? { hostname, drbdVersion } : { hostname },
        ...(options.rules ? { rules: options.rules } : {}),
      });
      secrets.push(...(r.secrets ?? []));
      for (const d of r.diagnostics) push(d.file ?? file.display, { ...d, file: d.file ?? file.display });
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
      if (labFileKind(f.rel) === 'drbd' && detectDrbdVersion(f.text).version === '8.4') return '8.4';
  return '9';
}
