import { shortenText } from '@ftkit/core';
/**
 * Every diagnostic code this package produces. The table in docs/borg-json.md lists them.
 */
export type BorgDiagnosticCode =
  /** Not JSON at all, or JSON with a syntax error. */
  | 'borg/invalid-json'
  /** Valid JSON, but not one of the documents borg prints. */
  | 'borg/unknown-document'
  /** A key borg always prints is absent. */
  | 'borg/missing-key'
  /** A value has the wrong JSON type (or is not a timestamp where one belongs). */
  | 'borg/invalid-value'
  /** A key this package does not know (kept in the model; newer borg versions add keys). */
  | 'borg/unknown-key'
  /** JSON nested deeper than `MAX_JSON_DEPTH` (256) arrays and objects: not read further. */
  | 'borg/too-deep'
  /** More than `MAX_DIAGNOSTICS` (1000) in one document or stream: the rest are counted in this one. */
  | 'borg/too-many-problems'
  /** An item or log line that is not a JSON object (streams). */
  | 'borg/bad-line'
  /** A stream line is longer than the configured limit. */
  | 'borg/line-too-long'
  /** Plain text mixed into a `--log-json` stream (argparse errors, prompts). */
  | 'borg/plain-text';

/** The `source` of every diagnostic of this package. */
export const SOURCE = '@ftkit/borg-json';

/** Documentation URL for a code: the Diagnostics section of docs/borg-json.md, which lists every code. */
export function codeUrl(_code: BorgDiagnosticCode): string {
  return 'https://github.com/ftkit/ftkit/blob/main/docs/borg-json.md#diagnostics';
}

/** JSON type name of a value for messages (`string`, `integer`, `number`, `array`, …). */
export function jsonTypeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'object') return 'object';
  return typeof v;
}

/** A short quoted rendering of a value for messages (at most ~40 characters). */
export function showValue(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    // JSON.stringify and String() of a deeply nested array both overflow the stack.
    s = Array.isArray(v) ? '[...]' : typeof v === 'object' && v !== null ? '{...}' : String(v);
  }
  return shortenText(s, { keep: 37, ellipsis: '...' });
}
