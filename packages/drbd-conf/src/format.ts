import type { Diagnostic, FormatResult } from '@ftkit/core';
import { lex } from './cst/lexer.js';
import { detectDrbdVersion } from './detect-version.js';
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
  // without a version the content decides, as in lint: an 8.4 file is checked by the 8.4 grammar
  const parsed = options.drbdVersion ? parse(text, options) : detectDrbdVersion(text, options).result;
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
 * The token-level re-indenter behind {@link format} (works on any text; never throws). A line
 * that ends with `;`, `{` or `}` stays open until the next newline, so a comment written after
 * it on the same line stays there instead of moving to a line of its own. Line ends follow the
 * text's first line (CRLF or LF).
 */
export function reindent(text: string, unit = '    '): string {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  let lineDepth = 0; // the depth of the line being built (fixed when its first token arrives)
  let newlines = 0;
  let glue = false; // no space before the next token (after `:` or `[`)
  let ended = false; // `cur` is a finished statement waiting for a trailing comment
  const flush = () => {
    if (cur !== '') out.push(`${unit.repeat(Math.min(lineDepth, MAX_INDENT_DEPTH))}${cur}`);
    cur = '';
    glue = false;
    ended = false;
  };
  const add = (t: string, spaceBefore = true) => {
    if (ended) flush();
    if (cur === '') {
      if (newlines >= 2 && out.length > 0 && out.at(-1) !== '' && !out.at(-1)!.endsWith('{')) out.push('');
      newlines = 0;
      cur = t;
      lineDepth = depth;
    } else cur += (spaceBefore && !glue ? ' ' : '') + t;
    glue = false;
  };
  for (const t of lex(text)) {
    switch (t.kind) {
      case 'ws': {
        const nl = t.text.indexOf('\n');
        if (ended && nl >= 0) flush();
        if (cur === '') for (let k = nl; k >= 0; k = t.text.indexOf('\n', k + 1)) newlines++;
        break;
      }
      case 'comment': {
        // a comment runs to the LF, so a CRLF file's comments end with CR: the line end adds it
        const c = t.text.endsWith('\r') ? t.text.slice(0, -1) : t.text;
        if (cur === '') add(c);
        else cur += ` ${c}`;
        flush();
        newlines = 0;
        break;
      }
      case '{':
        add('{');
        depth++;
        ended = true;
        newlines = 0;
        break;
      case '}':
        flush();
        depth = Math.max(0, depth - 1);
        newlines = 0;
        add('}');
        ended = true;
        break;
      case ';':
        add(';', false);
        ended = true;
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
  // keep the file's line ends: CRLF when its first line ends with CRLF
  const nl = text.indexOf('\n');
  const eol = nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n';
  return out.length === 0 ? '' : `${out.join(eol)}${eol}`;
}
