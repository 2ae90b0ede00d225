import { defineRule } from '@ftkit/core';
import { heartbeatTimeoutMs, parseKernelNumber, thresholdForTimeout } from '../../variables.js';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

/** DO-THRESHOLD-LOW (3–6): accepted by the kernel but below the tool's minimum of 7. */
export const thresholdBelowMinimum = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'threshold-below-minimum',
    description: 'Warn when `O2CB_HEARTBEAT_THRESHOLD` is below 7, the minimum `o2cb configure` accepts',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('threshold-below-minimum'),
    messages: {
      low: 'Expected `O2CB_HEARTBEAT_THRESHOLD` of at least 7, found {{value}}: a node is declared dead after ({{t}} − 1) × 2 s = {{seconds}} s without a disk heartbeat',
    },
  },
  check(ctx) {
    const a = ctx.doc.last.get('O2CB_HEARTBEAT_THRESHOLD');
    const t = a ? parseKernelNumber(a.value.value) : undefined;
    if (!a || t === undefined || t <= 2 || t >= 7) return;
    ctx.report({
      messageId: 'low',
      data: { value: shown(a.value.value), t, seconds: heartbeatTimeoutMs(t) / 1000 },
      span: a.value,
      note: `A slow disk or a multipath failover longer than that makes nodes fence themselves; the default 31 gives 60 s, ${thresholdForTimeout(120)} gives 120 s for multipath`,
    });
  },
});
