import { defineRule } from '@ftkit/core';
import { parseKernelNumber, variableInfo } from '../../variables.js';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

const CHECKED = ['O2CB_IDLE_TIMEOUT_MS', 'O2CB_KEEPALIVE_DELAY_MS', 'O2CB_RECONNECT_DELAY_MS'] as const;

/** DO-IDLE-LOW, DO-KEEPALIVE-LOW, DO-RECONNECT-LOW: below the minimums of `o2cb configure`. */
export const timeoutBelowMinimum = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'timeout-below-minimum',
    description: 'Warn when a network timeout is below the minimum `o2cb configure` accepts',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('timeout-below-minimum'),
    messages: {
      low: 'Expected `{{name}}` of at least {{min}} ms, found {{value}}',
    },
  },
  check(ctx) {
    for (const name of CHECKED) {
      const a = ctx.doc.last.get(name);
      const n = a ? parseKernelNumber(a.value.value, 'auto') : undefined;
      const min = variableInfo(name)!.toolMinimum!;
      if (!a || n === undefined || n >= min) continue;
      ctx.report({
        messageId: 'low',
        data: { name, min, value: shown(a.value.value) },
        span: a.value,
        note:
          name === 'O2CB_IDLE_TIMEOUT_MS'
            ? 'A short idle timeout disconnects nodes on brief network hiccups, which can lead to fencing'
            : name === 'O2CB_KEEPALIVE_DELAY_MS'
              ? 'Very short keepalive delays add network traffic without making failure detection faster than the idle timeout'
              : 'Short reconnect delays make nodes hammer an unreachable peer',
      });
    }
  },
});
