import {
  capDiagnostics,
  type Diagnostic,
  fixUntilStable,
  type LineIndex,
  type LintOptions,
  type LintResult,
  makeDiagnostic,
  type Rule,
  runRules,
  sortDiagnostics,
} from '@ftkit/core';
import { detectDrbdVersion } from '../detect-version.js';
import { CODES } from '../diagnostics.js';
import type { DrbdVersion } from '../model/options.js';
import { parse, SOURCE } from '../parse.js';
import { collectSecrets, secretsInText } from '../secrets.js';
import type { DrbdLintDoc } from './context.js';
import { addressLoopback } from './rules/address-loopback.js';
import { alExtentsRange } from './rules/al-extents-range.js';
import { authenticationIncomplete } from './rules/authentication-incomplete.js';
import { becomePrimaryOnIgnored } from './rules/become-primary-on-ignored.js';
import { congestionExtentsIneffective } from './rules/congestion-extents-ineffective.js';
import { connectionNamed } from './rules/connection-named.js';
import { connectionPathAfterHost } from './rules/connection-path-after-host.js';
import { crmFencePeerVersion } from './rules/crm-fence-peer-version.js';
import { dataIntegrityAlgProduction } from './rules/data-integrity-alg-production.js';
import { deviceNameArbitrary } from './rules/device-name-arbitrary.js';
import { discardNodePolicy } from './rules/discard-node-policy.js';
import { diskBarrierEnabled } from './rules/disk-barrier-enabled.js';
import { diskDuplicate } from './rules/disk-duplicate.js';
import { diskTimeoutEnabled } from './rules/disk-timeout-enabled.js';
import { dualPrimaryClusterFs } from './rules/dual-primary-cluster-fs.js';
import { dualPrimaryFencing } from './rules/dual-primary-fencing.js';
import { dualPrimaryProtocol } from './rules/dual-primary-protocol.js';
import { enumValueInvalid } from './rules/enum-value-invalid.js';
import { fencingHandlerMissing } from './rules/fencing-handler-missing.js';
import { fencingInDiskSection } from './rules/fencing-in-disk-section.js';
import { fencingStonithProtocol } from './rules/fencing-stonith-protocol.js';
import { hostOptionsIgnored } from './rules/host-options-ignored.js';
import { koCountDisabled } from './rules/ko-count-disabled.js';
import { metaDiskIndexed } from './rules/meta-disk-indexed.js';
import { nineOnlyConstruct } from './rules/nine-only-construct.js';
import { noPrefixValue } from './rules/no-prefix-value.js';
import { nodeIdKernelRange } from './rules/node-id-kernel-range.js';
import { onCongestionProtocol } from './rules/on-congestion-protocol.js';
import { optionDuplicate } from './rules/option-duplicate.js';
import { optionRemovedInNine } from './rules/option-removed-in-nine.js';
import { outdatePeerHandler } from './rules/outdate-peer-handler.js';
import { protocolResourceLevel } from './rules/protocol-resource-level.js';
import { proxyCompressionOn } from './rules/proxy-compression-on.js';
import { quorumDataAccessible } from './rules/quorum-data-accessible.js';
import { quorumNumberLow } from './rules/quorum-number-low.js';
import { quorumTwoNodes } from './rules/quorum-two-nodes.js';
import { resyncAfterTarget } from './rules/resync-after-target.js';
import { resyncRateIgnored } from './rules/resync-rate-ignored.js';
import { sharedSecretWeak } from './rules/shared-secret-weak.js';
import { sndbufSizeSmall } from './rules/sndbuf-size-small.js';
import { splitBrainAutoDiscard } from './rules/split-brain-auto-discard.js';
import { splitBrainHandlerMissing } from './rules/split-brain-handler-missing.js';
import { splitBrainViolentPolicy } from './rules/split-brain-violent-policy.js';
import { stackedResourceDeprecated } from './rules/stacked-resource-deprecated.js';
import { syncerSectionDeprecated } from './rules/syncer-section-deprecated.js';
import { timeOptionSuffix } from './rules/time-option-suffix.js';
import { timeoutPingOrder } from './rules/timeout-ping-order.js';
import { usageCountAsk } from './rules/usage-count-ask.js';
import { verifyAlgMissing } from './rules/verify-alg-missing.js';
import { volumeDuplicate } from './rules/volume-duplicate.js';
import { wfcTimeoutOrder } from './rules/wfc-timeout-order.js';
import { writeOrderingDisabled } from './rules/write-ordering-disabled.js';

/** Every drbd-conf lint rule, by id. */
export const rules: Readonly<Record<string, Rule<DrbdLintDoc>>> = Object.freeze(
  Object.fromEntries(
    [
      addressLoopback,
      koCountDisabled,
      alExtentsRange,
      authenticationIncomplete,
      becomePrimaryOnIgnored,
      congestionExtentsIneffective,
      connectionNamed,
      connectionPathAfterHost,
      crmFencePeerVersion,
      dataIntegrityAlgProduction,
      deviceNameArbitrary,
      discardNodePolicy,
      diskBarrierEnabled,
      diskDuplicate,
      diskTimeoutEnabled,
      dualPrimaryClusterFs,
      dualPrimaryFencing,
      dualPrimaryProtocol,
      enumValueInvalid,
      fencingHandlerMissing,
      fencingInDiskSection,
      fencingStonithProtocol,
      hostOptionsIgnored,
      metaDiskIndexed,
      nineOnlyConstruct,
      noPrefixValue,
      nodeIdKernelRange,
      onCongestionProtocol,
      optionDuplicate,
      optionRemovedInNine,
      outdatePeerHandler,
      protocolResourceLevel,
      proxyCompressionOn,
      quorumDataAccessible,
      quorumNumberLow,
      quorumTwoNodes,
      resyncAfterTarget,
      resyncRateIgnored,
      sharedSecretWeak,
      sndbufSizeSmall,
      splitBrainAutoDiscard,
      splitBrainHandlerMissing,
      splitBrainViolentPolicy,
      stackedResourceDeprecated,
      syncerSectionDeprecated,
      timeOptionSuffix,
      timeoutPingOrder,
      usageCountAsk,
      verifyAlgMissing,
      volumeDuplicate,
      wfcTimeoutOrder,
      writeOrderingDisabled,
    ].map((r) => [r.meta.id, r]),
  ) as Record<string, Rule<DrbdLintDoc>>,
);

/** Options of {@link lint}: core's lint options plus the DRBD version. */
export interface DrbdLintOptions extends LintOptions {
  /**
   * Parser to mirror; also read from `settings.drbdVersion`. Without either, the content decides
   * ({@link detectDrbdVersion}) and an info diagnostic `drbd/version-assumed` says when 8.4 was
   * assumed and why.
   */
  readonly drbdVersion?: DrbdVersion | '8.3';
  /** Included files must stay below this directory (default: the directory of `fileName`). */
  readonly root?: string;
}

/**
 * Parses (following includes through `reader`), validates and lints a drbd.conf text. Returns
 * parse and rule diagnostics together, and every `shared-secret` value in `secrets` so reporters
 * can redact them; no message built here contains a secret. With `fix: true`, `output` is the
 * text with every safe fix applied (repeatedly, until stable) and the rest describes that text.
 */
export function lint(text: string, options: DrbdLintOptions = {}): LintResult {
  if (!options.fix) return lintOnce(text, options);
  const fixed = fixUntilStable(text, (t) => lintOnce(t, options).diagnostics, 10, options.fileName);
  return { ...lintOnce(fixed.text, options), output: fixed.text };
}

/** `settings.drbdVersion` as a version (`'9'`, `9`, `'8.4'`, `8.4`, `'8.3'`, `8.3`), or `undefined`. */
function versionSetting(v: unknown): DrbdVersion | '8.3' | undefined {
  if (v === '8.3' || v === 8.3) return '8.3';
  if (v === '9' || v === 9) return '9';
  if (v === '8.4' || v === 8.4) return '8.4';
  return undefined;
}

function lintOnce(text: string, options: DrbdLintOptions): LintResult {
  const settings = options.settings ?? {};
  const chosen = options.drbdVersion ?? versionSetting(settings.drbdVersion);
  const parseOptions = {
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
    ...(options.reader ? { reader: options.reader } : {}),
    ...(options.root !== undefined ? { root: options.root } : {}),
  };
  // Without a version, the content decides (the original lab's 8.4 `syncer { rate …; }` must not
  // be read as DRBD 9), and a version other than the default 9 is said, with the reason.
  const guess = chosen === undefined ? detectDrbdVersion(text, parseOptions) : undefined;
  const result = guess?.result ?? parse(text, { drbdVersion: chosen ?? '9', ...parseOptions });
  // rules read 8.3 files with the 8.4 option tables (8.3 checks are the parser's)
  const version: DrbdVersion = chosen === '8.3' ? '8.4' : (chosen ?? guess!.version);
  const assumed: Diagnostic[] = [];
  if (guess && guess.version !== '9') {
    const ev = guess.evidence;
    const f = result.files.find((x) => x.fileName === ev?.file) ?? result.files[0]!;
    assumed.push(
      makeDiagnostic(f.diagnostics.lineIndex, {
        code: CODES.versionAssumed,
        severity: 'info',
        message: `Assumed DRBD ${guess.version}: ${guess.reason}`,
        span: ev?.span ?? { start: 0, end: 0 },
        source: SOURCE,
        ...(f.fileName !== undefined ? { file: f.fileName } : {}),
        note: 'Choose the version with --drbd-version (the `drbdVersion` option of the API)',
      }),
    );
  }
  const doc: DrbdLintDoc = { result, model: result.model, version, text, fileName: options.fileName };
  const indexes = new Map<string, LineIndex>();
  for (const f of result.files)
    if (f.fileName !== undefined) indexes.set(f.fileName, f.diagnostics.lineIndex);
  const found = runRules({
    rules: Object.values(rules),
    doc,
    text,
    source: SOURCE,
    ...(options.fileName !== undefined ? { file: options.fileName } : {}),
    ...(options.rules ? { config: options.rules } : {}),
    settings,
    lineIndex: result.files[0]!.diagnostics.lineIndex,
    lineIndexFor: (f) => indexes.get(f),
  });
  const diagnostics = capDiagnostics(sortDiagnostics([...result.diagnostics, ...assumed, ...found]), {
    overflowCode: CODES.tooMany,
  });
  // Malformed secrets never reach the model; the lexical scan of every file finds them too.
  const secrets = [
    ...new Set([...collectSecrets(result.model), ...result.files.flatMap((f) => secretsInText(f.text))]),
  ];
  const texts: Record<string, string> = Object.create(null);
  for (const f of result.files.slice(1)) if (f.fileName !== undefined) texts[f.fileName] = f.text;
  return {
    diagnostics,
    secrets,
    ...(result.files.length > 1 ? { texts } : {}),
  };
}
