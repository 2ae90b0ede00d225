import { defineRule, didYouMean } from '@ftkit/core';
import { isUserspaceOption, KNOWN_FILESYSTEMS, optionNames, optionSpec } from '../../options.js';
import type { FstabLintDoc } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

const MAX_PER_ENTRY = 100;

/**
 * FS-UNKNOWN-OPT: the kernel fails the mount on an option it does not know. Checked for ocfs2
 * (error) and for ext4/xfs (warning: ftkit's tables follow the kernel docs but kernels differ).
 */
export const optionUnknown = defineRule<FstabLintDoc>()({
  meta: {
    id: 'option-unknown',
    description: 'Report mount options unknown to the filesystem (ocfs2, ext4, xfs), with did-you-mean',
    defaultSeverity: 'error',
    fixable: false,
    url: ruleUrl('option-unknown'),
    messages: {
      unknown: 'Unknown {{fs}} mount option {{option}}',
      unknownHint: 'Unknown {{fs}} mount option {{option}}; did you mean `{{suggestion}}`?',
      empty: 'Unexpected empty option in {{options}}',
      more: '{{count}} more unknown options in this entry are not listed',
    },
  },
  check(ctx) {
    for (const e of ctx.doc.entries) {
      const fs = e.entry.vfstype;
      if (!KNOWN_FILESYSTEMS.has(fs)) continue;
      const severity = fs === 'ocfs2' ? undefined : ('warning' as const);
      // Garbage lines can carry thousands of options: report the first MAX_PER_ENTRY, then a count,
      // and compute each did-you-mean once per name.
      let reported = 0;
      let skipped = 0;
      const hints = new Map<string, string | undefined>();
      e.entry.options.forEach((o, i) => {
        if (reported >= MAX_PER_ENTRY) {
          if (!(isUserspaceOption(o.name) || optionSpec(fs, o.name))) skipped++;
          return;
        }
        const span = e.optionSpans[i]!;
        if (o.name === '' && o.value === undefined) {
          reported++;
          ctx.report({
            messageId: 'empty',
            data: { options: shown(e.entry.mntops) },
            span: { start: span.start, end: Math.max(span.end, span.start) },
            ...(severity ? { severity } : {}),
          });
          return;
        }
        if (isUserspaceOption(o.name) || optionSpec(fs, o.name)) return;
        reported++;
        if (!hints.has(o.name))
          hints.set(o.name, o.name.length <= 40 ? didYouMean(o.name, optionNames(fs)) : undefined);
        const suggestion = hints.get(o.name);
        ctx.report({
          messageId: suggestion ? 'unknownHint' : 'unknown',
          data: { fs, option: shown(o.name), suggestion: suggestion ?? '' },
          span,
          ...(severity ? { severity } : {}),
          note: 'The kernel refuses unknown options: the mount fails with `Unrecognized mount option` in dmesg',
        });
      });
      if (skipped > 0) {
        ctx.report({
          messageId: 'more',
          data: { count: skipped },
          span: e.line.fields[3]!,
          ...(severity ? { severity } : {}),
        });
      }
    }
  },
});
