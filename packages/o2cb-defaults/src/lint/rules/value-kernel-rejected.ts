import { defineRule } from '@ftkit/core';
import { heartbeatTimeoutMs, kernelNumberFor, NUMERIC_VARIABLES, variableInfo } from '../../variables.js';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

/**
 * DO-NUMERIC and DO-THRESHOLD-LOW (≤ 2): values the init script writes to configfs and reports
 * `OK` for, although the kernel refuses them and keeps its default.
 */
export const valueKernelRejected = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'value-kernel-rejected',
    description: 'Disallow timeout and threshold values the kernel rejects while the init script prints `OK`',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('value-kernel-rejected'),
    messages: {
      notNumber:
        'Expected a decimal number from 1 to 4294967294 for `{{name}}`, found {{value}}; the kernel keeps its default of {{fallback}}',
      threshold:
        'Expected `O2CB_HEARTBEAT_THRESHOLD` above 2, found {{value}}; the kernel ignores it and keeps 31 (a {{seconds}} s heartbeat timeout)',
    },
  },
  check(ctx) {
    for (const name of NUMERIC_VARIABLES) {
      const a = ctx.doc.last.get(name);
      // Empty values are skipped by the init script (`[ -n "$VALUE" ]`), which is fine.
      if (!a || a.value.value === '') continue;
      const info = variableInfo(name)!;
      const v = a.value.value;
      const note =
        'The init script echoes the value into configfs without checking it and prints `OK` either way';
      const threshold = name === 'O2CB_HEARTBEAT_THRESHOLD';
      // The threshold store takes any decimal number and then ignores values of 2 or less.
      const lowThreshold = threshold && /^[0-9]{1,20}$/.test(v) && Number(v) <= 2;
      if (!lowThreshold && kernelNumberFor(name, v) === undefined) {
        ctx.report({
          messageId: 'notNumber',
          data: { name, value: shown(v), fallback: `${info.defaultValue}${info.unit === 'ms' ? ' ms' : ''}` },
          span: a.value,
          note,
        });
      } else if (lowThreshold) {
        ctx.report({
          messageId: 'threshold',
          data: { value: shown(v), seconds: heartbeatTimeoutMs(31) / 1000 },
          span: a.value,
          note: 'The kernel silently ignores dead thresholds of 2 or less',
        });
      }
    }
  },
});
