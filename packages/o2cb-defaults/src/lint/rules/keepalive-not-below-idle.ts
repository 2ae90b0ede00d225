import { defineRule } from '@ftkit/core';
import { parseKernelNumber } from '../../variables.js';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl } from '../doc.js';

/**
 * DO-KEEPALIVE-GE-IDLE: the kernel refuses an idle timeout not above the current keepalive delay
 * and a keepalive delay not below the current idle timeout. The init script writes idle first,
 * then keepalive, onto a fresh cluster (idle 30000, keepalive 2000).
 */
export const keepaliveNotBelowIdle = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'keepalive-not-below-idle',
    description: 'Require `O2CB_KEEPALIVE_DELAY_MS` to be smaller than `O2CB_IDLE_TIMEOUT_MS`',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('keepalive-not-below-idle'),
    messages: {
      keepalive:
        'Expected `O2CB_KEEPALIVE_DELAY_MS` ({{keepalive}}) to be smaller than the idle timeout ({{idle}} ms); the kernel rejects it and keeps 2000 ms',
      idle: 'Expected `O2CB_IDLE_TIMEOUT_MS` above 2000 ms, found {{idle}}; the kernel rejects it while the keepalive delay is 2000 ms and keeps 30000 ms',
    },
  },
  check(ctx) {
    const { last, model } = ctx.doc;
    const ia = last.get('O2CB_IDLE_TIMEOUT_MS');
    const ka = last.get('O2CB_KEEPALIVE_DELAY_MS');
    const idle = ia ? parseKernelNumber(ia.value.value, 'auto') : undefined;
    const keepalive = ka ? parseKernelNumber(ka.value.value, 'auto') : undefined;
    const note =
      'The init script prints `OK` anyway; nodes with different effective values disconnect from each other';
    if (ia && idle !== undefined && idle <= 2000) {
      ctx.report({ messageId: 'idle', data: { idle: `\`${idle}\`` }, span: ia.value, note });
    }
    if (ka && keepalive !== undefined && keepalive >= model.settings.idleTimeoutMs) {
      ctx.report({
        messageId: 'keepalive',
        data: { keepalive: `\`${keepalive}\``, idle: model.settings.idleTimeoutMs },
        span: ka.value,
        note,
      });
    }
  },
});
