import type { Span } from '@ftkit/core';
import type { Located, UnitFact } from './check/facts.js';

/** A systemd unit file as data: sections in order, each with `Key=Value` entries in order. */
export interface UnitFile {
  /** Comment lines written at the top (without `# `). */
  readonly comment?: readonly string[];
  readonly sections: readonly {
    readonly name: string;
    readonly entries: readonly (readonly [string, string])[];
  }[];
}

/**
 * Canonical unit text: `[Section]` headers, `Key=Value` lines, one blank line between sections,
 * ending with a newline. Values must not contain newlines (systemd would need `\` continuations).
 */
export function emitUnit(unit: UnitFile): string {
  const parts: string[] = [];
  if (unit.comment?.length) parts.push(unit.comment.map((c) => `# ${c}`.trimEnd()).join('\n'));
  for (const s of unit.sections) {
    for (const [k, v] of s.entries) {
      if (/[\n\r]/.test(v) || /[\n\r=\s]/.test(k))
        throw new Error(`Invalid unit entry ${k}=${JSON.stringify(v)}`);
    }
    parts.push([`[${s.name}]`, ...s.entries.map(([k, v]) => `${k}=${v}`)].join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * Quotes one argument for `ExecStart=`: systemd splits on spaces, honours double quotes with
 * C-style escapes, and expands `%` specifiers and `$` variables, so those are doubled.
 */
export function quoteExecArg(arg: string): string {
  const escaped = arg.replaceAll('%', '%%').replaceAll('$', '$$$$');
  if (escaped !== '' && !/[\s"'\\;]/.test(escaped)) return escaped;
  return `"${escaped.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** An `ExecStart=` command line for `argv`. */
export function execLine(argv: readonly string[]): string {
  return argv.map(quoteExecArg).join(' ');
}

/** Splits an `ExecStart=` value into words (quotes, `\` escapes, `%%` and `$$` undone). */
export function splitExecLine(value: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inWord = false;
  let quote: string | undefined;
  const v = value.replace(/^[-@:+!]+/, '');
  for (let i = 0; i < v.length; i++) {
    const ch = v[i]!;
    if (quote) {
      if (ch === '\\' && i + 1 < v.length) cur += v[++i];
      else if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(cur);
      cur = '';
      inWord = false;
    } else if (ch === '\\' && i + 1 < v.length) {
      cur += v[++i];
      inWord = true;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return out.map((w) => w.replaceAll('%%', '%').replaceAll('$$', '$'));
}

/** Problems `parseUnit` found, with offsets. */
export interface UnitProblem {
  readonly message: string;
  readonly span: Span;
}

/**
 * Reads a unit file into facts: sections, keys and values with their offsets (the value's span).
 * Lenient like systemd: comments (`#`, `;`) and blank lines are skipped, `\` continues a line.
 * Never throws; lines that are neither a section nor an assignment come back as problems.
 */
export function parseUnit(
  text: string,
  file: string,
  name: string,
): { unit: UnitFact; problems: UnitProblem[] } {
  const sections = new Map<string, Map<string, Located<string>[]>>();
  const problems: UnitProblem[] = [];
  let current: Map<string, Located<string>[]> | undefined;
  let offset = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const start = offset;
    offset += line.length + 1;
    while (line.endsWith('\\') && i + 1 < lines.length) {
      const next = lines[++i]!;
      line = `${line.slice(0, -1)} ${next}`;
      offset += next.length + 1;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    const sec = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (sec) {
      current = sections.get(sec[1]!) ?? new Map();
      sections.set(sec[1]!, current);
      continue;
    }
    const kv = /^(\s*)([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!kv || !current) {
      problems.push({
        message: current
          ? `Expected \`Key=Value\`, found \`${trimmed}\``
          : 'Expected a `[Section]` header first',
        span: { start, end: start + lines[i]!.length },
      });
      continue;
    }
    const valueStart = start + line.indexOf('=', kv[1]!.length + kv[2]!.length) + 1;
    const lead = line.slice(valueStart - start).length - line.slice(valueStart - start).trimStart().length;
    const vs = Math.min(valueStart + lead, start + lines[i]!.length);
    const list = current.get(kv[2]!) ?? [];
    list.push({ file, value: kv[3]!, span: { start: vs, end: Math.min(vs + kv[3]!.length, offset - 1) } });
    current.set(kv[2]!, list);
  }
  return { unit: { file, name, sections }, problems };
}
