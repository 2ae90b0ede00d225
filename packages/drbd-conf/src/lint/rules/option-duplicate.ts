import { defineRule } from '@ftkit/core';
import { at, type DrbdLintDoc, optionValue, ruleUrl, sections } from '../context.js';
import { removeLine } from './become-primary-on-ignored.js';

/**
 * DRBD021: the same option twice in one section. With different values it is an error (9 `adjust`
 * fails; 8.4 passes both to drbdsetup). An exact repeat (`allow-two-primaries;` then
 * `allow-two-primaries yes;`) is accepted by drbdadm and means the same: only a warning, with a fix.
 */
export const optionDuplicate = defineRule<DrbdLintDoc>()({
  meta: {
    id: 'option-duplicate',
    description: 'An option may appear only once per section',
    defaultSeverity: 'error',
    fixable: true,
    url: ruleUrl('option-duplicate'),
    messages: {
      differ: 'Duplicate option `{{name}}` with a different value (`{{first}}` first)',
      same: 'Duplicate option `{{name}}`',
    },
  },
  check(ctx) {
    for (const { section } of sections(ctx.doc.model)) {
      const seen = new Map<string, (typeof section.options)[number]>();
      for (const o of section.options) {
        if (o.name === 'become-primary-on') continue;
        const prev = seen.get(o.name);
        if (!prev) {
          seen.set(o.name, o);
          continue;
        }
        const same = optionValue(prev) === optionValue(o);
        const own = o.file === undefined || o.file === ctx.doc.fileName;
        const secret = o.name === 'shared-secret';
        const fix = same && own && o.span ? [removeLine(ctx.doc.text, o.span)] : undefined;
        ctx.report({
          messageId: same ? 'same' : 'differ',
          data: { name: o.name, first: secret ? '…' : optionValue(prev) },
          ...at(o, ctx.doc),
          ...(same ? { severity: 'warning' as const } : {}),
          ...(fix ? { fix } : {}),
          ...(prev.span
            ? {
                related: [
                  { message: 'first set here', span: prev.span, ...(prev.file ? { file: prev.file } : {}) },
                ],
              }
            : {}),
        });
      }
    }
  },
});
