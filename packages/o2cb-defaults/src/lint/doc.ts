import { shortenText } from '@ftkit/core';
import type { AssignmentLine, O2cbCst } from '../cst/types.js';
import type { O2cbDefaults } from '../model/compose.js';
import { effectiveAssignments } from '../model/compose.js';

/** What every o2cb-defaults rule receives: the CST, the model and the assignments by name. */
export interface O2cbLintDoc {
  readonly cst: O2cbCst;
  readonly model: O2cbDefaults;
  /** Assignment lines in file order, up to the first shell syntax error (what the shell runs). */
  readonly assignments: readonly AssignmentLine[];
  /** The last (winning) assignment of each variable. */
  readonly last: ReadonlyMap<string, AssignmentLine>;
}

/** Builds the lint document for a parsed file. */
export function lintDoc(cst: O2cbCst, model: O2cbDefaults): O2cbLintDoc {
  const assignments = effectiveAssignments(cst);
  const last = new Map<string, AssignmentLine>();
  for (const a of assignments) last.set(a.name.text, a);
  return { cst, model, assignments, last };
}

/** The documentation URL of a rule. */
export function ruleUrl(id: string): string {
  return `https://github.com/ftkit/ftkit/blob/main/docs/rules/o2cb-defaults/${id}.md`;
}

/** Shows a value in backticks for a message (control characters made visible, long values cut). */
export function shown(value: string): string {
  const v = shortenText(value);
  return `\`${v.replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/`/g, "'")}\``;
}
