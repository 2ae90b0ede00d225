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

/** Every o2cb-defaults lint rule, in the order they run; `o2cbDefaultsFormat` keys them by id. */
export const ruleList = [
  lineCrlf,
  enabledLiteral,
  stackName,
  bootclusterMissing,
  bootclusterFormat,
  bootclusterUnknown,
  valueKernelRejected,
  valueNotDecimal,
  thresholdBelowMinimum,
  timeoutBelowMinimum,
  keepaliveNotBelowIdle,
  variableUnknown,
  variableDuplicate,
  debianRegenerated,
] as const;

/** The settings o2cb-defaults' rules read: facts from outside the file. */
export const settings = {
  clusterNames: {
    type: 'string[]',
    description:
      'The cluster names cluster.conf defines (its `cluster:` stanzas); `bootcluster-unknown` checks `O2CB_BOOTCLUSTER` against them',
  },
  debian: {
    type: 'boolean',
    description:
      'Whether the host is Debian, whose package configure rewrites the file from debconf; turns on `debian-regenerated`',
  },
} as const;
