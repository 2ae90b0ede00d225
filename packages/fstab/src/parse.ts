import type { ParseResult } from '@ftkit/core';
import { DiagnosticCollector, shortenText } from '@ftkit/core';
import { parseCst } from './cst/parse-cst.js';
import type { FstabCst } from './cst/types.js';
import { SOURCE } from './diagnostics.js';
import type { Fstab } from './model/compose.js';
import { compose, entryProblem } from './model/compose.js';

/** Options of {@link parse}. */
export interface ParseOptions {
  /** The file name recorded on diagnostics. */
  readonly fileName?: string;
}

/** What {@link parse} returns. */
export type FstabParseResult = ParseResult<FstabCst, Fstab>;

/** The Diagnostics section of docs/fstab.md, which lists every code. */
const DIAGNOSTICS_URL = 'https://github.com/ftkit/ftkit/blob/main/docs/fstab.md#diagnostics';
const FIELD_LABEL = ['a device', 'a mount point', 'a filesystem type'];

function shown(s: string): string {
  return `\`${shortenText(s).replace(/`/g, "'")}\``;
}

/**
 * Parses fstab text. Never throws. Lines libmount rejects (fewer than three fields, a
 * non-numeric freq or passno) get an error and are left out of the model, as libmount leaves
 * them out; fields after the sixth get a warning.
 */
export function parse(text: string, options: ParseOptions = {}): FstabParseResult {
  const cst = parseCst(text);
  const dc = new DiagnosticCollector(text, SOURCE, options.fileName, undefined, {
    overflowCode: 'fstab/too-many-problems',
  });
  const ignored = 'libmount (mount, findmnt, systemd) reports a parse error and ignores the whole line';
  for (const line of cst.lines) {
    if (line.type !== 'entry') continue;
    const problem = entryProblem(line);
    const f = line.fields;
    if (problem === 'fields') {
      const last = f[f.length - 1]!;
      dc.error(
        'fstab/missing-field',
        `Expected ${FIELD_LABEL[f.length]} after ${shown(last.raw)}, found end of line`,
        {
          start: last.end,
          end: last.end,
        },
        { note: ignored, url: DIAGNOSTICS_URL, expected: [FIELD_LABEL[f.length]!] },
      );
    } else if (problem === 'freq' || problem === 'passno') {
      const field = problem === 'freq' ? f[4]! : f[5]!;
      dc.error(
        'fstab/invalid-number',
        `Expected a number for ${problem === 'freq' ? 'fs_freq (dump)' : 'fs_passno (fsck pass)'}, found ${shown(field.raw)}`,
        field,
        { note: ignored, url: DIAGNOSTICS_URL, actual: field.raw },
      );
    }
    if (f.length > 6 && problem === undefined) {
      const extra = { start: f[6]!.start, end: f[f.length - 1]!.end };
      dc.warning(
        'fstab/extra-field',
        `Unexpected ${shown(text.slice(extra.start, extra.end))} after fs_passno`,
        extra,
        {
          note: 'libmount ignores fields after the sixth; fstab has no trailing comments, put them on their own `#` line',
          url: DIAGNOSTICS_URL,
        },
      );
    }
  }
  return { cst, model: compose(cst), diagnostics: dc.items };
}
