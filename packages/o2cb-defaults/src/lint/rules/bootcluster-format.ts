import { defineRule } from '@ftkit/core';
import { CLUSTER_NAME_RE } from '../../variables.js';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

/** DO-BOOTCLUSTER-FORMAT: o2cb register-cluster takes 1–16 ASCII letters and digits. */
export const bootclusterFormat = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'bootcluster-format',
    description: 'Require `O2CB_BOOTCLUSTER` to be 1–16 ASCII letters and digits',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('bootcluster-format'),
    messages: {
      long: 'Expected at most 16 characters in `O2CB_BOOTCLUSTER`, found {{length}} in {{value}}',
      chars: 'Expected only letters and digits in `O2CB_BOOTCLUSTER`, found {{char}} in {{value}}',
    },
  },
  check(ctx) {
    const a = ctx.doc.last.get('O2CB_BOOTCLUSTER');
    const v = a?.value.value;
    if (!a || v === undefined || v === '' || CLUSTER_NAME_RE.test(v)) return;
    const note = '`o2cb register-cluster` rejects the name, so the cluster never comes online';
    const bad = /[^A-Za-z0-9]/.exec(v);
    if (bad) {
      ctx.report({ messageId: 'chars', data: { char: shown(bad[0]), value: shown(v) }, span: a.value, note });
    } else {
      ctx.report({ messageId: 'long', data: { length: v.length, value: shown(v) }, span: a.value, note });
    }
  },
});
