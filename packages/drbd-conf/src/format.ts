import type { Diagnostic, FormatResult } from '@ftkit/core';
import { lex } from './cst/lexer.js';
import { type ParseOptions, parse } from './parse.js';

/** Options of {@link format}. */
export interface FormatOptions extends ParseOptions {
  /** One indentation level; default four spaces. */
  readonly indent?: string;
}

/**
 * Re-indents a drbd.conf text for `ftkit fmt`: one statement per line, blocks indented, single
 * spaces between tokens, at most one blank line in a row, every comment kept where it was (a
 * trailing comment stays on its line). Token texts (strings, numbers) are never changed, so
 * drbdadm reads the result exactly as the original. Files with syntax errors are returned
 * unchanged together with the errors.
 */
export function format(text: string, options: FormatOptions = {}): FormatResult {
  const parsed = parse(text, options);
  const errors: Diagnostic[] = parsed.diagnostics.filter(
    // More than MAX_DIAGNOSTICS problems: the syntax errors may be among those only counted.
    (d) => d.severity === 'error' && /syntax|lexical|too-many-problems/.test(d.code),
  );
  if (errors.length > 0) return { text, diagnostics: errors };
  return { text: reindent(text, options.indent ?? '    '), diagnostics: [] };
}

/**
 * Deepest indentation {@link reindent} writes. drbd.conf nests five levels at most; without a
 * bound, 16,000 unclosed `{` would give an output quadratic in the input (and past the longest
 * string V8 can build).
 */
const MAX_INDENT_DEPTH = 32;

/**
 * The token-level re-indenter behind {@link format} (works on any text; never throws; output
 * linear in the input, see {@link MAX_INDENT_DEPTH}).
 */
export function reindent(text: string, unit = '    '): string {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  let newlines = 0;
  let glue = false; // no space before the next token (after `:` or `[`)
  const flush = () => {
    if (cur !== '') out.push(`${unit.repeat(Math.min(depth, MAX_INDENT_DEPTH))}${cur}`);
    cur = '';
    glue = false;
  };
  const add = (t: string, spaceBefore = true) => {
    if (cur === '') {
      if (newlines >= 2 && out.length > 0 && out.at(-1) !== '' && !out.at(-1)!.endsWith('{')) out.push('');
      newlines = 0;
      cur = t;
    } else cur += (spaceBefore && !glue ? ' ' : '') + t;
    glue = false;
  };
  for (const t of lex(text)) {
    switch (t.kind) {
      case 'ws':
        if (cur === '')
          for (let k = t.text.indexOf('\n'); k >= 0; k = t.text.indexOf('\n', k + 1)) newlines++;
        break;
      case 'comment':
        if (cur === '') {
          add(t.text);
          flush();
        } else {
          cur += ` ${t.text}`;
          flush();
        }
        newlines = 0;
        break;
      case '{':
        add('{');
        flush();
        depth++;
        newlines = 0;
        break;
      case '}':
        flush();
        depth = Math.max(0, depth - 1);
        newlines = 0;
        add('}');
        flush();
        break;
      case ';':
        add(';', false);
        flush();
        newlines = 0;
        break;
      case ':':
        add(':', false);
        glue = true;
        break;
      case '[':
        add('[');
        glue = true;
        break;
      case ']':
        add(']', false);
        break;
      default:
        add(t.text);
    }
  }
  flush();
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
