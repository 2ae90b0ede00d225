import type { Diagnostic } from './diagnostic.js';
import type { FileReport } from './reporters/types.js';
import { redactText } from './safe.js';

/**
 * Returns the diagnostics with every secret removed from their message, note, expected, actual,
 * related messages and fix descriptions. Fix edits are dropped when they would write a secret
 * (a report must never carry one). Reporters call this before printing.
 */
export function redactDiagnostics(list: readonly Diagnostic[], secrets: readonly string[]): Diagnostic[] {
  const real = secrets.filter((s) => s.length > 0);
  if (real.length === 0) return [...list];
  const r = (t: string) => redactText(t, real);
  return list.map((d) => {
    const { fix, ...rest } = d;
    const leaks = fix?.edits.some((e) => real.some((s) => e.text.includes(s)));
    return {
      ...rest,
      message: r(d.message),
      ...(d.note !== undefined ? { note: r(d.note) } : {}),
      ...(d.actual !== undefined ? { actual: r(d.actual) } : {}),
      ...(d.expected !== undefined ? { expected: d.expected.map(r) } : {}),
      ...(d.related !== undefined
        ? { related: d.related.map((x) => ({ ...x, message: r(x.message) })) }
        : {}),
      ...(fix && !leaks ? { fix: { ...fix, description: r(fix.description) } } : {}),
    };
  });
}

/**
 * The reports with {@link redactDiagnostics} applied to each file's diagnostics (the texts stay:
 * code frames redact the lines they show). Reporters call this when given `secrets`.
 */
export function redactReports(
  reports: readonly FileReport[],
  secrets: readonly string[] | undefined,
): readonly FileReport[] {
  if (!secrets?.some((s) => s.length > 0)) return reports;
  return reports.map((r) => ({ ...r, diagnostics: redactDiagnostics(r.diagnostics, secrets) }));
}
