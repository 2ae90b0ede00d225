import { defineRule } from '@ftkit/core';
import { checkOptionValue, isUserspaceOption, KNOWN_FILESYSTEMS, optionSpec } from '../../options.js';
import type { FstabLintDoc } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

/** Option values the kernel does not accept: `errors=`, `data=`, `coherency=`, `heartbeat=`, numbers … */
export const optionValue = defineRule<FstabLintDoc>()({
  meta: {
    id: 'option-value',
    description: 'Check the values of known mount options (`errors=`, `data=`, `coherency=`, numbers …)',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('option-value'),
    messages: {
      value: 'Expected {{expected}} for `{{name}}`, found {{value}}',
      missing: 'Expected {{expected}} for `{{name}}`, found no value',
    },
  },
  check(ctx) {
    for (const e of ctx.doc.entries) {
      const fs = e.entry.vfstype;
      if (!KNOWN_FILESYSTEMS.has(fs)) continue;
      e.entry.options.forEach((o, i) => {
        if (isUserspaceOption(o.name)) return;
        const spec = optionSpec(fs, o.name);
        if (!spec) return;
        const expected = checkOptionValue(spec, o.value);
        if (expected === undefined) return;
        ctx.report({
          messageId: o.value === undefined ? 'missing' : 'value',
          data: { expected, name: o.name, value: shown(o.value ?? '') },
          span: e.optionSpans[i]!,
          ...(fs === 'ocfs2' ? {} : { severity: 'warning' as const }),
          note: 'The kernel fails the mount on a value it cannot parse',
        });
      });
    }
  },
});
