import type { UnitFact } from '../facts.js';
import { defineLabRule } from '../rule.js';

/** A timer whose unit does not exist fires into nothing. */
export const systemdTimerWithoutService = defineLabRule({
  meta: {
    id: 'systemd-timer-without-service',
    description: 'Each systemd timer activates a unit that exists in the same tree',
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      missing: 'Unknown unit `{{unit}}`: the timer `{{timer}}` activates nothing',
    },
  },
  check({ facts, report }) {
    for (const n of facts.nodes) {
      const names = new Set(n.units.map((u) => u.name));
      for (const t of n.units) {
        if (!t.name.endsWith('.timer')) continue;
        const unitKey = t.sections.get('Timer')?.get('Unit')?.at(-1);
        const target = unitKey?.value ?? t.name.replace(/\.timer$/, '.service');
        if (names.has(target)) continue;
        report({
          messageId: 'missing',
          data: { unit: target, timer: t.name },
          at: unitKey ?? timerSection(t),
        });
      }
    }
  },
});

function timerSection(t: UnitFact) {
  const first = [...(t.sections.get('Timer')?.values() ?? [])][0]?.[0];
  return first ?? { file: t.file, span: { start: 0, end: 0 } };
}
