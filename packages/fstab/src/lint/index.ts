import type { Diagnostic, LintOptions, LintResult, Rule } from '@ftkit/core';
import { capDiagnostics, fixUntilStable, runRules, sortDiagnostics } from '@ftkit/core';
import { SOURCE } from '../diagnostics.js';
import { parse } from '../parse.js';
import type { FstabLintDoc } from './doc.js';
import { lintDoc } from './doc.js';
import { mountPointDuplicate } from './rules/mount-point-duplicate.js';
import { mountPointRelative } from './rules/mount-point-relative.js';
import { networkDeviceNetdev } from './rules/network-device-netdev.js';
import { ocfs2Datavolume } from './rules/ocfs2-datavolume.js';
import { ocfs2DeviceName } from './rules/ocfs2-device-name.js';
import { ocfs2ErrorsContinue } from './rules/ocfs2-errors-continue.js';
import { ocfs2HeartbeatOption } from './rules/ocfs2-heartbeat-option.js';
import { ocfs2Netdev } from './rules/ocfs2-netdev.js';
import { ocfs2Nocluster } from './rules/ocfs2-nocluster.js';
import { ocfs2Passno } from './rules/ocfs2-passno.js';
import { ocfs2ResvLevel } from './rules/ocfs2-resv-level.js';
import { ocfs2SystemdRequires } from './rules/ocfs2-systemd-requires.js';
import { optionConflict } from './rules/option-conflict.js';
import { optionUnknown } from './rules/option-unknown.js';
import { optionValue } from './rules/option-value.js';

/** Every fstab lint rule, by id. */
export const rules: Readonly<Record<string, Rule<FstabLintDoc>>> = Object.freeze({
  [ocfs2Netdev.meta.id]: ocfs2Netdev,
  [networkDeviceNetdev.meta.id]: networkDeviceNetdev,
  [ocfs2SystemdRequires.meta.id]: ocfs2SystemdRequires,
  [ocfs2HeartbeatOption.meta.id]: ocfs2HeartbeatOption,
  [ocfs2Datavolume.meta.id]: ocfs2Datavolume,
  [ocfs2Nocluster.meta.id]: ocfs2Nocluster,
  [ocfs2Passno.meta.id]: ocfs2Passno,
  [ocfs2DeviceName.meta.id]: ocfs2DeviceName,
  [optionUnknown.meta.id]: optionUnknown,
  [optionValue.meta.id]: optionValue,
  [optionConflict.meta.id]: optionConflict,
  [ocfs2ErrorsContinue.meta.id]: ocfs2ErrorsContinue,
  [ocfs2ResvLevel.meta.id]: ocfs2ResvLevel,
  [mountPointDuplicate.meta.id]: mountPointDuplicate,
  [mountPointRelative.meta.id]: mountPointRelative,
});

function lintOnce(text: string, options: LintOptions): Diagnostic[] {
  const { cst, diagnostics } = parse(
    text,
    options.fileName !== undefined ? { fileName: options.fileName } : {},
  );
  const found = runRules({
    rules: Object.values(rules),
    doc: lintDoc(cst),
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
 * Parses and lints fstab text. Settings: `heartbeatMode` (`local` | `global`, the cluster's
 * `heartbeat_mode` from cluster.conf) turns a contradicting `heartbeat=` into an error;
 * `systemd: false` silences `ocfs2-systemd-requires`. With `fix: true`, `output` has every safe
 * fix applied (repeatedly, until stable). Never throws on input.
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  if (!options.fix) return { diagnostics: lintOnce(text, options) };
  const fixed = fixUntilStable(text, (t) => lintOnce(t, options), 10, options.fileName);
  return { diagnostics: [...fixed.diagnostics], output: fixed.text };
}
