import { type Diagnostic, LineIndex, type RuleConfig, runRules, sortDiagnostics } from '@ftkit/core';
import { LAB_SOURCE } from '../spec/source.js';
import type { LabFacts } from './facts.js';
import { labRules } from './rules/index.js';

/** Options of {@link validateLab}. */
export interface ValidateOptions {
  /** Per-rule configuration (`off`, `warn`, `error`, …); rules not named run at their default. */
  readonly rules?: RuleConfig;
}

/**
 * Runs every cross-file rule over the facts of a lab. Each diagnostic names the file of its main
 * place and lists every other file involved in `related` (with positions), and its note repeats
 * those places so plain-text reporters show them too.
 */
export function validateLab(facts: LabFacts, options: ValidateOptions = {}): Diagnostic[] {
  const indexes = new Map<string, LineIndex>();
  const indexFor = (file: string) => {
    let li = indexes.get(file);
    if (!li) {
      const text = facts.texts.get(file);
      if (text === undefined) return undefined;
      li = new LineIndex(text);
      indexes.set(file, li);
    }
    return li;
  };
  const found = runRules({
    rules: Object.values(labRules),
    doc: facts,
    text: '',
    source: LAB_SOURCE,
    ...(options.rules ? { config: options.rules } : {}),
    lineIndexFor: indexFor,
  });
  return sortDiagnostics(
    found.map((d) => {
      // runRules positions the main span with the index of `text` unless the file differs; the
      // main file always differs from '' here, but recompute to be sure.
      const li = d.file !== undefined ? indexFor(d.file) : undefined;
      const position = li ? li.positionOf(d.span) : d.position;
      const places = (d.related ?? []).map(
        (r) => `${r.file ?? ''}:${r.position.start.line}:${r.position.start.column} (${r.message})`,
      );
      const note = [d.note, places.length ? `See ${places.join('; ')}` : undefined]
        .filter(Boolean)
        .join('. ');
      return { ...d, position, ...(note ? { note } : {}) };
    }),
  );
}
