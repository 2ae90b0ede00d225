import {
  type Diagnostic,
  type FormatLintOptions,
  type LineIndex,
  type LintInput,
  makeDiagnostic,
  type RuleIdOf,
  type SettingSpecs,
  type SettingsOf,
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

/**
 * Every drbd-conf lint rule, in the order they run. `drbdConfFormat` (descriptor.ts) registers
 * them by id; the package's `rules` export is that registry.
 */
export const drbdRules = [
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
] as const;

/** The id of a drbd-conf lint rule (`'address-loopback'`, …): a misspelled id is a type error. */
export type DrbdRuleId = RuleIdOf<typeof drbdRules>;

/** The settings drbd-conf's `lint` and `format` understand: facts from outside the file. */
export const drbdSettings = {
  drbdVersion: {
    type: 'string',
    values: ['9', '8.4', '8.3'],
    description:
      'The DRBD version whose drbdadm to mirror (option tables, grammar, checks); 8.3 files are linted with the 8.4 rules after the 8.3 checks. Without it the content decides and lint reports `drbd/version-assumed` when it chose 8.4',
  },
} as const satisfies SettingSpecs;

/** drbd-conf's lint settings: `{ drbdVersion?: '9' | '8.4' | '8.3' }`. */
export type DrbdSettings = SettingsOf<typeof drbdSettings>;

/**
 * Options of drbd-conf's `lint`: core's lint options with drbd-conf's rule ids and settings.
 * `reader` follows includes; `root` keeps them below a directory (default: the directory of
 * `fileName`).
 */
export type DrbdLintOptions = FormatLintOptions<DrbdRuleId, DrbdSettings>;

/**
 * What drbd-conf's `lint` does before the rules run: parse (following includes through
 * `reader`) with the chosen version, or let the content decide and say so with
 * `drbd/version-assumed` when it chose 8.4; collect every `shared-secret` value (from the model
 * and lexically, so malformed ones count too) for reporters to redact, and the texts and line
 * indexes of included files for code frames and findings in them.
 */
export function prepareLint(text: string, options: DrbdLintOptions): LintInput<DrbdLintDoc> {
  const chosen = options.settings?.drbdVersion;
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
        note: 'Choose the version with --drbd-version (the `drbdVersion` setting of the API)',
      }),
    );
  }
  const doc: DrbdLintDoc = { result, model: result.model, version, text, fileName: options.fileName };
  const indexes = new Map<string, LineIndex>();
  for (const f of result.files)
    if (f.fileName !== undefined) indexes.set(f.fileName, f.diagnostics.lineIndex);
  // Malformed secrets never reach the model; the lexical scan of every file finds them too.
  const secrets = [
    ...new Set([...collectSecrets(result.model), ...result.files.flatMap((f) => secretsInText(f.text))]),
  ];
  const texts: Record<string, string> = Object.create(null);
  for (const f of result.files.slice(1)) if (f.fileName !== undefined) texts[f.fileName] = f.text;
  return {
    doc,
    diagnostics: [...result.diagnostics, ...assumed],
    lineIndex: result.files[0]!.diagnostics.lineIndex,
    lineIndexFor: (f) => indexes.get(f),
    secrets,
    ...(result.files.length > 1 ? { texts } : {}),
  };
}
