import type { TextEdit } from '@ftkit/core';
import { FtkitError } from '@ftkit/core';
import { parseCst } from './cst/parse-cst.js';
import type { O2cbLine } from './cst/types.js';
import { shellQuote } from './quote.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkName(name: string): void {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new FtkitError('o2cb/invalid-name', `Invalid shell variable name ${JSON.stringify(name)}`, {
      path: ['name'],
    });
  }
}

function linesFor(text: string, name: string): O2cbLine[] {
  return parseCst(text).lines.filter(
    (l) => (l.type === 'assignment' || l.type === 'recovery') && l.name?.text === name,
  );
}

/**
 * Text edits that make `name` equal `value` and keep every other byte: the value of the last
 * assignment of `name` is replaced (the one the shell keeps; its `export` and trailing comment
 * stay); a broken line for `name` (such as `NAME = x`) is rewritten whole; otherwise
 * `NAME=value` is appended as a new line. The value is quoted only when it needs it.
 * Throws an `FtkitError` (`o2cb/invalid-name`, `path` `['name']`) for a `name` that is not a
 * shell variable name (a programmer error).
 */
export function setVariable(text: string, name: string, value: string): TextEdit[] {
  checkName(name);
  const quoted = shellQuote(String(value));
  const lines = linesFor(text, name);
  const assignments = lines.filter((l) => l.type === 'assignment');
  const last = assignments[assignments.length - 1];
  if (last) {
    if (last.value.text === quoted) return [];
    return [{ start: last.value.start, end: last.value.end, text: quoted }];
  }
  const broken = lines[lines.length - 1];
  if (broken) return [{ start: broken.start, end: broken.end, text: `${name}=${quoted}` }];
  const sep = text.length > 0 && !text.endsWith('\n') ? '\n' : '';
  return [{ start: text.length, end: text.length, text: `${sep}${name}=${quoted}\n` }];
}

/**
 * Text edits that delete every line assigning `name` (including broken ones), line feed included;
 * none when no line assigns it (the variable is already unset). Throws like {@link setVariable}
 * for an invalid `name`.
 */
export function unsetVariable(text: string, name: string): TextEdit[] {
  checkName(name);
  return linesFor(text, name).map((l) => ({ start: l.start, end: l.end + l.newline.length, text: '' }));
}

/** The edit helpers, grouped: `edit.set(text, name, value)`, `edit.unset(text, name)`. */
export const edit = { set: setVariable, unset: unsetVariable } as const;
