import type { Diagnostic } from '../diagnostic.js';
import { makeDiagnostic } from '../diagnostic.js';
import { LineIndex } from '../line-index.js';
import { didYouMean } from '../safe.js';
import type { Span } from '../span.js';

/**
 * How a format writes comments, for inline `ftkit-disable` directives. Only line comments are
 * needed by the formats here (`#` in drbd.conf, cluster.conf, /etc/default/o2cb and fstab).
 */
export interface CommentSyntax {
  /** What starts a comment that runs to the end of the line, e.g. `#`. */
  readonly line: string;
}

/** The kinds of inline directive, as ESLint names them. */
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

/** One `ftkit-…` directive found in a comment. */
export interface Directive {
  readonly kind: DirectiveKind;
  /** Rule ids (or diagnostic codes) named; empty means every rule. */
  readonly rules: readonly { readonly id: string; readonly span: Span }[];
  /** The directive text from `ftkit-` to the end of the rule list (0-based offsets, end exclusive). */
  readonly span: Span;
  /** 0-based line the directive is on. */
  readonly line: number;
}

// `ftkit-disable-next-line a, b -- reason`: the marker must start the comment (after blanks), so
// `#` inside a value (`"a#b"`) or prose that mentions ftkit-disable later in a comment is not one.
const DIRECTIVE = /^ftkit-(disable-next-line|disable-line|disable|enable)(?=\s|$)/;

/**
 * Every directive in `text`: a line comment (`syntax.line`, at the start of a line or after a
 * blank) whose first word is `ftkit-disable-next-line`, `ftkit-disable-line`, `ftkit-disable` or
 * `ftkit-enable`, followed by rule ids separated by commas or blanks, and optionally `--` and a
 * reason. Never throws.
 */
export function scanDirectives(text: string, syntax: CommentSyntax): Directive[] {
  const out: Directive[] = [];
  const marker = syntax.line;
  if (marker === '' || !text.includes('ftkit-')) return out;
  let lineStart = 0;
  let line = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const body = text.slice(lineStart, lineEnd);
    let at = body.indexOf(marker);
    while (at >= 0) {
      if (at === 0 || /\s/.test(body[at - 1]!)) {
        const after = at + marker.length;
        const lead = /^[ \t]*/.exec(body.slice(after))![0].length;
        const rest = body.slice(after + lead);
        const m = DIRECTIVE.exec(rest);
        if (m) {
          const start = lineStart + after + lead;
          const listText = rest
            .slice(m[0].length)
            .split(/\s--(\s|$)/)[0]!
            .replace(/\r$/, '');
          const rules: { id: string; span: Span }[] = [];
          const listStart = start + m[0].length;
          for (const w of listText.matchAll(/[^\s,]+/g)) {
            const s = listStart + w.index;
            rules.push({ id: w[0], span: { start: s, end: s + w[0].length } });
          }
          const end = rules.length > 0 ? rules.at(-1)!.span.end : start + m[0].length;
          out.push({ kind: m[1] as DirectiveKind, rules, span: { start, end }, line });
        }
        break;
      }
      at = body.indexOf(marker, at + 1);
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
    line++;
  }
  return out;
}

/** Options of {@link applyDirectives}. */
export interface ApplyDirectivesOptions {
  readonly comments: CommentSyntax;
  /** The linted file's name as diagnostics carry it (absent for anonymous text). */
  readonly file?: string;
  /** Texts of other files diagnostics point into (includes), by name; their directives apply too. */
  readonly texts?: Readonly<Record<string, string>>;
  /** Code of the finding for a directive that suppresses nothing, e.g. `drbd/unused-directive`. */
  readonly unusedCode: string;
  /** Package recorded as `source` of those findings. */
  readonly source: string;
  /** Known rule ids, for a did-you-mean on a misspelled id in a directive. */
  readonly ruleIds?: readonly string[];
}

interface Range {
  readonly directive: Directive;
  /** 0-based lines, inclusive. */
  readonly from: number;
  readonly to: number;
  /** Ids this range silences; empty means every rule finding. */
  readonly ids: readonly string[];
  readonly used: Set<string>;
}

function rangesOf(text: string, syntax: CommentSyntax): Range[] {
  const ranges: Range[] = [];
  const open: { d: Directive; ids: string[]; used: Set<string> }[] = [];
  for (const d of scanDirectives(text, syntax)) {
    const ids = d.rules.map((r) => r.id);
    if (d.kind === 'disable-next-line' || d.kind === 'disable-line') {
      const line = d.kind === 'disable-line' ? d.line : d.line + 1;
      ranges.push({ directive: d, from: line, to: line, ids, used: new Set() });
    } else if (d.kind === 'disable') {
      open.push({ d, ids, used: new Set() });
    } else {
      // `ftkit-enable` closes every open block it names (all of them when it names none); an
      // enable that closes nothing is itself unused.
      const closing = open.filter((o) => ids.length === 0 || o.ids.some((id) => ids.includes(id)));
      if (closing.length === 0) ranges.push({ directive: d, from: -1, to: -2, ids, used: new Set() });
      for (const o of closing) {
        ranges.push({ directive: o.d, from: o.d.line, to: d.line, ids: o.ids, used: o.used });
        open.splice(open.indexOf(o), 1);
      }
    }
  }
  // a `disable` never enabled again runs to the end of the file
  for (const o of open)
    ranges.push({ directive: o.d, from: o.d.line, to: Number.POSITIVE_INFINITY, ids: o.ids, used: o.used });
  return ranges;
}

/**
 * Applies the inline directives of the linted text (and of the included `texts`) to
 * `diagnostics`: findings on a disabled line whose rule id (or code) is named, or any rule
 * finding when the directive names none, are removed. Parse errors are only silenced when named
 * by code. Each directive, or each rule id of one, that silences nothing becomes a `warning`
 * with `unusedCode`, so stale directives do not pile up.
 */
export function applyDirectives(
  diagnostics: readonly Diagnostic[],
  text: string,
  o: ApplyDirectivesOptions,
): Diagnostic[] {
  const files = new Map<string | undefined, { text: string; ranges: Range[]; index?: LineIndex }>();
  const entry = (file: string | undefined) => {
    const key = file === undefined || file === o.file ? o.file : file;
    let e = files.get(key);
    if (!e) {
      const t = key === o.file ? text : o.texts?.[key!];
      if (t === undefined) return undefined;
      e = { text: t, ranges: rangesOf(t, o.comments) };
      files.set(key, e);
    }
    return e;
  };
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    const e = entry(d.file);
    const line = d.position.start.line - 1;
    const hit = e?.ranges.find(
      (r) =>
        line >= r.from &&
        line <= r.to &&
        (r.ids.length === 0
          ? d.ruleId !== undefined
          : r.ids.includes(d.ruleId ?? d.code) || r.ids.includes(d.code)),
    );
    if (!hit) {
      kept.push(d);
      continue;
    }
    hit.used.add(
      hit.ids.length === 0 ? '' : hit.ids.includes(d.ruleId ?? d.code) ? (d.ruleId ?? d.code) : d.code,
    );
  }
  // Files whose diagnostics were all clean still have directives to check.
  entry(o.file);
  for (const name of Object.keys(o.texts ?? {})) entry(name);
  for (const [file, e] of files) {
    const seen = new Set<Directive>();
    for (const r of e.ranges) {
      if (seen.has(r.directive)) continue;
      seen.add(r.directive);
      const d = r.directive;
      const unused =
        d.rules.length === 0
          ? r.used.size === 0
            ? [{ id: undefined, span: d.span }]
            : []
          : d.rules.filter((x) => !r.used.has(x.id));
      for (const u of unused) {
        e.index ??= new LineIndex(e.text);
        const near =
          u.id !== undefined && o.ruleIds && !o.ruleIds.includes(u.id)
            ? didYouMean(u.id, o.ruleIds)
            : undefined;
        const what =
          d.kind === 'enable'
            ? 'Unused `ftkit-enable`: no `ftkit-disable` before it is open'
            : u.id === undefined
              ? `Unused \`ftkit-${d.kind}\`: no problem was reported there`
              : `Unused \`ftkit-${d.kind}\` for \`${u.id}\`: no such problem was reported there`;
        kept.push(
          makeDiagnostic(e.index, {
            code: o.unusedCode,
            severity: 'warning',
            message: what,
            span: u.span,
            source: o.source,
            ...(file !== undefined ? { file } : {}),
            ...(near !== undefined ? { note: `No rule \`${u.id}\`; did you mean \`${near}\`?` } : {}),
          }),
        );
      }
    }
  }
  return kept;
}
