import type { FormatModule, FormatResult, TextEdit } from '@ftkit/core';
import { applyEdits } from '@ftkit/core';
import { parseCst } from './cst/parse-cst.js';
import { print } from './cst/print.js';
import type { EntryLine, FstabCst } from './cst/types.js';
import { alignRows, emitData } from './emit-data.js';
import type { FstabLintDoc } from './lint/doc.js';
import { lint, rules } from './lint/index.js';
import type { Fstab } from './model/compose.js';
import { entryProblem } from './model/compose.js';
import { parse } from './parse.js';

/**
 * Re-aligns the columns of every usable entry line (fields keep their exact text, only the
 * blanks between them change; no trailing blanks). Comments, blank lines and lines libmount
 * rejects or that carry extra fields are left as they are.
 */
export function formatText(text: string, options: { fileName?: string } = {}): FormatResult {
  const { cst, diagnostics } = parse(text, options);
  const lines = cst.lines.filter(
    (l): l is EntryLine => l.type === 'entry' && entryProblem(l) === undefined && l.fields.length <= 6,
  );
  const aligned = alignRows(lines.map((l) => l.fields.map((f) => f.raw)));
  const edits: TextEdit[] = [];
  lines.forEach((l, i) => {
    if (aligned[i] !== l.raw) edits.push({ start: l.start, end: l.end, text: aligned[i]! });
  });
  return { text: applyEdits(text, edits), diagnostics };
}

function detect(path: string, text: string): number {
  if (/(^|\/)fstab$/.test(path) || /\.fstab$/.test(path)) return 1;
  return /^\s*(UUID=|LABEL=|\/dev\/)\S+\s+(\/\S*|none|swap)\s+\S+/m.test(text.slice(0, 4096)) ? 0.5 : 0;
}

/** The descriptor `ftkit lint` / `ftkit fmt` use for /etc/fstab. */
export const fstabFormat = {
  name: 'fstab',
  // inline `# ftkit-disable…` directives (applied by the caller until lint comes from defineFormat)
  comments: { line: '#' },
  description: 'Filesystem table (/etc/fstab), with OCFS2, ext4 and XFS mount option checks',
  filePatterns: ['**/fstab', '**/*.fstab'],
  detect,
  parse: (text: string, options?: { fileName?: string }) => parse(text, options),
  parseCst,
  print,
  emit: (model: Fstab) => emitData(model),
  lint,
  rules,
  format: formatText,
} satisfies FormatModule<FstabCst, Fstab, FstabLintDoc>;
