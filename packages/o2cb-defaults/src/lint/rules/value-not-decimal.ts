import { defineRule } from '@ftkit/core';
import { kernelNumberFor } from '../../variables.js';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

const TIMEOUTS = ['O2CB_IDLE_TIMEOUT_MS', 'O2CB_KEEPALIVE_DELAY_MS', 'O2CB_RECONNECT_DELAY_MS'] as const;

/**
 * The kernel reads the network timeouts with base detection (`simple_strtoul(p, &p, 0)`): `0x…`
 * is hexadecimal and a leading zero makes the value octal, so `030000` means 12288 ms. The fix
 * writes the value the kernel reads in decimal (the meaning does not change, only the spelling).
 */
export const valueNotDecimal = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'value-not-decimal',
    description: 'Require plain decimal timeouts (the kernel reads `0x…` as hex and a leading `0` as octal)',
    defaultSeverity: 'warning',
    fixable: true,
    url: ruleUrl('value-not-decimal'),
    messages: {
      octal: 'Unexpected leading zero in {{value}}: the kernel reads `{{name}}` as octal, {{ms}} ms',
      hex: 'Expected a decimal number for `{{name}}`, found {{value}} (the kernel reads it as hex, {{ms}} ms)',
    },
  },
  check(ctx) {
    for (const name of TIMEOUTS) {
      const a = ctx.doc.last.get(name);
      if (!a) continue;
      const v = a.value.value;
      const n = kernelNumberFor(name, v);
      if (n === undefined || /^[1-9][0-9]*$/.test(v)) continue;
      const hex = /^0[xX]/.test(v);
      ctx.report({
        messageId: hex ? 'hex' : 'octal',
        data: { name, value: shown(v), ms: n },
        span: a.value,
        note: hex
          ? 'Other tools and people read the file as decimal; write the number in decimal'
          : 'Probably meant as decimal; the init script passes the text unchanged and the kernel detects the base from the prefix',
        fix: {
          description: `Write ${n}`,
          edits: [{ start: a.value.start, end: a.value.end, text: String(n) }],
        },
      });
    }
  },
});
