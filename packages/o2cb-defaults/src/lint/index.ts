import type { Diagnostic, LintOptions, LintResult, Rule } from '@ftkit/core';
import { capDiagnostics, fixUntilStable, runRules, sortDiagnostics } from '@ftkit/core';
import { SOURCE } from '../diagnostics.js';
import { parse } from '../parse.js';
import type { O2cbLintDoc } from './doc.js';
import { lintDoc } from './doc.js';
import { bootclusterFormat } from './rules/bootcluster-format.js';
import { bootclusterMissing } from './rules/bootcluster-missing.js';
import { bootclusterUnknown } from './rules/bootcluster-unknown.js';
import { debianRegenerated } from './rules/debian-regenerated.js';
import { enabledLiteral } from './rules/enabled-literal.js';
import { keepaliveNotBelowIdle } from './rules/keepalive-not-below-idle.js';
import { lineCrlf } from './rules/line-crlf.js';
import { stackName } from './rules/stack-name.js';
import { thresholdBelowMinimum } from './rules/threshold-below-minimum.js';
import { timeoutBelowMinimum } from './rules/timeout-below-minimum.js';
import { valueKernelRejected } from './rules/value-kernel-rejected.js';
import { valueNotDecimal } from './rules/value-not-decimal.js';
import { variableDuplicate } from './rules/variable-duplicate.js';
import { variableUnknown } from './rules/variable-unknown.js';

/** Every o2cb-defaults lint rule, by id. */
export const rules: Readonly<Record<string, Rule<O2cbLintDoc>>> = Object.freeze({
  [lineCrlf.meta.id]: lineCrlf,
  [enabledLiteral.meta.id]: enabledLiteral,
  [stackName.meta.id]: stackName,
  [bootclusterMissing.meta.id]: bootclusterMissing,
  [bootclusterFormat.meta.id]: bootclusterFormat,
  [bootclusterUnknown.meta.id]: bootclusterUnknown,
  [valueKernelRejected.meta.id]: valueKernelRejected,
  [valueNotDecimal.meta.id]: valueNotDecimal,
  [thresholdBelowMinimum.meta.id]: thresholdBelowMinimum,
  [timeoutBelowMinimum.meta.id]: timeoutBelowMinimum,
  [keepaliveNotBelowIdle.meta.id]: keepaliveNotBelowIdle,
  [variableUnknown.meta.id]: variableUnknown,
  [variableDuplicate.meta.id]: variableDuplicate,
  [debianRegenerated.meta.id]: debianRegenerated,
});

function lintOnce(text: string, options: LintOptions): Diagnostic[] {
  const { cst, model, diagnostics } = parse(
    text,
    options.fileName !== undefined ? { fileName: options.fileName } : {},
  );
  const found = runRules({
    rules: Object.values(rules),
    doc: lintDoc(cst, model),
    text,
    source: SOURCE,
    ...(options.fileName !== undefined ? { file: options.fileName } : {}),
    ...(options.rules ? { config: options.rules } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
  });
  // At most MAX_DIAGNOSTICS per file; the rest are counted in one TOO_MANY_PROBLEMS.
  return capDiagnostics(sortDiagnostics([...diagnostics, ...found]));
}

/**
 * Parses and lints /etc/default/o2cb text: parse diagnostics plus every enabled rule. Settings:
 * `clusterNames` (string[], the clusters of cluster.conf, for `bootcluster-unknown`) and
 * `debian` (boolean, for `debian-regenerated`). With `fix: true`, `output` is the text with all
 * safe fixes applied (repeatedly, until stable). Never throws on input.
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  if (!options.fix) return { diagnostics: lintOnce(text, options) };
  const fixed = fixUntilStable(text, (t) => lintOnce(t, options), 10, options.fileName);
  return { diagnostics: [...fixed.diagnostics], output: fixed.text };
}
