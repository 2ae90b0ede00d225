import type { Diagnostic, Fix, Severity } from '../diagnostic.js';
import { makeDiagnostic, sortDiagnostics } from '../diagnostic.js';
import { LineIndex } from '../line-index.js';
import type { TextEdit } from '../text-edit.js';
import { applyEdits, editsOverlap } from '../text-edit.js';
import type { Rule, RuleConfig, RuleLevel, RuleSetting } from './rule.js';
import { formatMessage } from './rule.js';

/** Input to {@link runRules}. */
export interface RunRulesOptions<TDoc> {
  // biome-ignore lint/suspicious/noExplicitAny: each rule has its own options type
  readonly rules: readonly Rule<TDoc, any>[];
  readonly doc: TDoc;
  readonly text: string;
  readonly file?: string;
  /** The package name recorded as `source`. */
  readonly source: string;
  readonly config?: RuleConfig;
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Reuse a line index already built for `text`. */
  readonly lineIndex?: LineIndex;
  /** Line indexes of other files rules may report into (multi-file formats). */
  readonly lineIndexFor?: (file: string) => LineIndex | undefined;
  /** Code of the diagnostic a crashing rule becomes (default `core/rule-crashed`). */
  readonly crashCode?: string;
}

function levelOf(setting: RuleSetting | undefined): RuleLevel | undefined {
  if (setting === undefined) return undefined;
  return typeof setting === 'string' ? setting : setting[0];
}

function severityOf(level: RuleLevel): Severity | undefined {
  if (level === 'off') return undefined;
  return level === 'warn' ? 'warning' : level;
}

/**
 * Runs every enabled rule over one document and returns their findings as diagnostics
 * (code and `ruleId` are the rule id). A rule that throws does not stop the run: its crash
 * becomes an `error` diagnostic with code `crashCode` (`<format>/rule-crashed`), since lint must never throw on input.
 */
export function runRules<TDoc>(o: RunRulesOptions<TDoc>): Diagnostic[] {
  const index = o.lineIndex ?? new LineIndex(o.text);
  const out: Diagnostic[] = [];
  const settings = o.settings ?? {};
  for (const rule of o.rules) {
    const setting = o.config && Object.hasOwn(o.config, rule.meta.id) ? o.config[rule.meta.id] : undefined;
    const level = levelOf(setting) ?? rule.meta.defaultSeverity;
    const severity = severityOf(level);
    if (!severity) continue;
    const options = Array.isArray(setting) ? setting[1] : undefined;
    try {
      rule.check({
        doc: o.doc,
        text: o.text,
        ...(o.file !== undefined ? { file: o.file } : {}),
        options,
        settings,
        report(r) {
          const template = rule.meta.messages[r.messageId];
          if (template === undefined) throw new Error(`Rule ${rule.meta.id} has no message ${r.messageId}`);
          const file = r.file ?? o.file;
          const li = r.file !== undefined && r.file !== o.file ? (o.lineIndexFor?.(r.file) ?? index) : index;
          const fix: Fix | undefined = r.fix
            ? Array.isArray(r.fix)
              ? { description: formatMessage(template, r.data), edits: r.fix as readonly TextEdit[] }
              : (r.fix as Fix)
            : undefined;
          out.push(
            makeDiagnostic(li, {
              code: rule.meta.id,
              ruleId: rule.meta.id,
              severity: r.severity ?? severity,
              message: formatMessage(template, r.data),
              span: r.span,
              source: o.source,
              url: rule.meta.url,
              ...(file !== undefined ? { file } : {}),
              ...(r.note !== undefined ? { note: r.note } : {}),
              ...(fix ? { fix } : {}),
              ...(r.related
                ? {
                    related: r.related.map((x) => ({
                      ...x,
                      lineIndex: x.file ? o.lineIndexFor?.(x.file) : undefined,
                    })),
                  }
                : {}),
            }),
          );
        },
      });
    } catch (error) {
      out.push(
        makeDiagnostic(index, {
          code: o.crashCode ?? 'core/rule-crashed',
          ruleId: rule.meta.id,
          severity: 'error',
          message: `Rule \`${rule.meta.id}\` failed: ${error instanceof Error ? error.message : String(error)}`,
          span: { start: 0, end: 0 },
          source: o.source,
          ...(o.file !== undefined ? { file: o.file } : {}),
        }),
      );
    }
  }
  return sortDiagnostics(out);
}

/** Result of {@link applyFixes}. */
export interface ApplyFixesResult {
  /** The text with every applied fix. */
  readonly text: string;
  /** Diagnostics whose fix was applied. */
  readonly applied: readonly Diagnostic[];
  /** Fixable diagnostics skipped because their edits overlapped an earlier fix; lint again to get them. */
  readonly skipped: readonly Diagnostic[];
}

/**
 * Applies the fixes of `diagnostics` that belong to this text (same `file`, or none) in offset
 * order, skipping any whose edits overlap a fix already taken (ESLint's approach: run lint again
 * to pick those up). Never throws on overlapping fixes.
 */
export function applyFixes(
  text: string,
  diagnostics: readonly Diagnostic[],
  file?: string,
): ApplyFixesResult {
  const taken: TextEdit[] = [];
  const applied: Diagnostic[] = [];
  const skipped: Diagnostic[] = [];
  for (const d of sortDiagnostics(diagnostics)) {
    if (!d.fix || (file !== undefined && d.file !== undefined && d.file !== file)) continue;
    const edits = d.fix.edits;
    const clash = edits.some((e) =>
      taken.some((t) => editsOverlap(e, t) || (e.start === t.start && e.end === t.end)),
    );
    const selfClash = edits.some((e, i) => edits.some((f, j) => i < j && editsOverlap(e, f)));
    if (clash || selfClash) {
      skipped.push(d);
      continue;
    }
    taken.push(...edits);
    applied.push(d);
  }
  return { text: applyEdits(text, taken), applied, skipped };
}

/**
 * Lints, applies fixes, and lints again until nothing more is fixable or `maxPasses` is reached
 * (default 10). Returns the final text and the diagnostics of the final pass. With `file`, only
 * fixes of diagnostics for that file (or for no file) are applied, as in {@link applyFixes}.
 */
export function fixUntilStable(
  text: string,
  lint: (text: string) => readonly Diagnostic[],
  maxPasses = 10,
  file?: string,
): { text: string; diagnostics: readonly Diagnostic[]; passes: number } {
  let current = text;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const diagnostics = lint(current);
    const { text: next, applied } = applyFixes(current, diagnostics, file);
    if (applied.length === 0 || next === current) return { text: current, diagnostics, passes: pass };
    current = next;
  }
  return { text: current, diagnostics: lint(current), passes: maxPasses };
}
