import { defineRule, didYouMean } from '@ftkit/core';
import type { O2cbLintDoc } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

/**
 * Reads the `clusterNames` setting: the cluster names cluster.conf defines (`lint` has checked
 * it is a list of strings; `ftkit lint --set clusterNames=web,db` splits the text at commas).
 */
function clusterNamesSetting(settings: Readonly<Record<string, unknown>>): readonly string[] | undefined {
  const v = Object.hasOwn(settings, 'clusterNames') ? settings.clusterNames : undefined;
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

/**
 * DO-BOOTCLUSTER-UNKNOWN (cross-file): the boot cluster must be defined in cluster.conf. Needs the
 * `clusterNames` setting (the names of cluster.conf's cluster stanzas); silent without it.
 */
export const bootclusterUnknown = defineRule<O2cbLintDoc>()({
  meta: {
    id: 'bootcluster-unknown',
    description:
      'Require `O2CB_BOOTCLUSTER` to name a cluster defined in cluster.conf (setting `clusterNames`)',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('bootcluster-unknown'),
    messages: {
      unknown: 'Unknown cluster {{value}} in `O2CB_BOOTCLUSTER`; cluster.conf defines {{known}}',
      unknownHint: 'Unknown cluster {{value}} in `O2CB_BOOTCLUSTER`; did you mean `{{suggestion}}`?',
      none: 'Unknown cluster {{value}} in `O2CB_BOOTCLUSTER`; cluster.conf defines no cluster',
    },
  },
  check(ctx) {
    const names = clusterNamesSetting(ctx.settings);
    const a = ctx.doc.last.get('O2CB_BOOTCLUSTER');
    if (!names || !a || a.value.value === '' || names.includes(a.value.value)) return;
    const value = shown(a.value.value);
    const note = "`o2cb register-cluster` fails with `Unknown cluster 'X'` (names are case-sensitive)";
    if (names.length === 0) {
      ctx.report({ messageId: 'none', data: { value }, span: a.value, note });
      return;
    }
    const suggestion = didYouMean(a.value.value, names);
    if (suggestion !== undefined) {
      ctx.report({
        messageId: 'unknownHint',
        data: { value, suggestion },
        span: a.value,
        note,
      });
    } else {
      const known =
        names
          .slice(0, 5)
          .map((n) => `\`${n}\``)
          .join(', ') + (names.length > 5 ? ', …' : '');
      ctx.report({ messageId: 'unknown', data: { value, known }, span: a.value, note });
    }
  },
});
