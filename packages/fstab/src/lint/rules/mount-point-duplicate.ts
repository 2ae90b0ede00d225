import { defineRule, LineIndex } from '@ftkit/core';
import type { FstabLintDoc, LintEntry } from '../doc.js';
import { ruleUrl, shown } from '../doc.js';

/** Two entries for one mount point: the later mount hides the earlier one. */
export const mountPointDuplicate = defineRule<FstabLintDoc>()({
  meta: {
    id: 'mount-point-duplicate',
    description: 'Disallow two entries with the same mount point',
    defaultSeverity: 'warning',
    fixable: false,
    url: ruleUrl('mount-point-duplicate'),
    messages: {
      duplicate: 'Duplicate mount point {{file}}, first used on line {{line}}',
    },
  },
  check(ctx) {
    const seen = new Map<string, LintEntry>();
    // Built lazily and once: line numbers for the messages without rescanning the text per finding.
    let lines: LineIndex | undefined;
    for (const e of ctx.doc.entries) {
      const file = e.entry.file.length > 1 ? e.entry.file.replace(/\/+$/, '') : e.entry.file;
      if (file === 'none' || file === 'swap' || e.entry.vfstype === 'swap') continue;
      const first = seen.get(file);
      if (!first) {
        seen.set(file, e);
        continue;
      }
      lines ??= new LineIndex(ctx.text);
      ctx.report({
        messageId: 'duplicate',
        data: { file: shown(e.entry.file), line: lines.pointAt(first.line.start).line },
        span: e.line.fields[1]!,
        note: 'Both are mounted at boot and the later one hides the first; systemd also generates only one mount unit per path',
        related: [{ message: 'The first entry for this mount point', span: first.line.fields[1]! }],
      });
    }
  },
});
