import {
  applyEdits,
  type Diagnostic,
  LineIndex,
  makeDiagnostic,
  type Span,
  sortEdits,
  type TextEdit,
} from '@ftkit/core';
import { lex, type Token } from './cst/lexer.js';
import { deleteStatement, indentUnit, insertBeforeClose } from './edit.js';
import { quoteValue } from './emit.js';
import { type SectionKind, SYNCER_84 } from './model/options.js';
import { parse } from './parse.js';
import type { DrbdCommon, DrbdOption, DrbdResource } from './schema.js';

/** What {@link migrate} returns. */
export interface MigrateResult {
  /** The migrated text (the input with `edits` applied). */
  readonly text: string;
  readonly edits: readonly TextEdit[];
  /** What was changed, one sentence per change (for `ftkit drbd migrate` output). */
  readonly changes: readonly string[];
  /**
   * Problems in the 8.4 input (parse errors stop the migration), plus errors DRBD 9 would still
   * report in the migrated text (for example enum values drbdadm-84 never checked). Every span
   * refers to the input: a problem in a moved option points at the option where it was, one in
   * other inserted text at the place of the insertion.
   */
  readonly diagnostics: readonly Diagnostic[];
}

/** The comments written with a statement: own lines right above it, and one after it on its line. */
interface Attached {
  /** Comment texts on their own lines right above the statement (no CR), in order. */
  readonly leading: readonly string[];
  /** The comment after the statement on its last line. */
  readonly trailing?: string;
  /** Where the leading comments start (the statement's start when there are none). */
  readonly start: number;
  /** Where the trailing comment ends (the statement's end when there is none). */
  readonly end: number;
}

const noCr = (c: string) => (c.endsWith('\r') ? c.slice(0, -1) : c);

/**
 * The comments that belong to the statement at `span`, from the tokens of the whole text: own-
 * line comments directly above it (a comment on the line of the statement before belongs to that
 * one) and a comment after it on its line.
 */
function attachedComments(tokens: readonly Token[], span: { start: number; end: number }): Attached {
  let i = tokens.findIndex((t) => t.start >= span.start);
  if (i < 0) i = tokens.length;
  const leading: string[] = [];
  let start = span.start;
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.kind === 'ws') continue;
    if (t.kind !== 'comment') break;
    const before = tokens[k - 1];
    // on the line of an earlier token: that token's trailing comment
    if (before && before.kind !== 'ws' && before.kind !== 'comment') break;
    if (before?.kind === 'ws' && !before.text.includes('\n') && k - 2 >= 0) break;
    leading.unshift(noCr(t.text));
    start = t.start;
  }
  let j = tokens.findIndex((t) => t.start >= span.end);
  if (j < 0) return { leading, start, end: span.end };
  if (tokens[j]!.kind === 'ws' && !tokens[j]!.text.includes('\n')) j++;
  const after = tokens[j];
  if (after?.kind === 'comment')
    return {
      leading,
      trailing: noCr(after.text),
      start,
      end: after.end - (after.text.endsWith('\r') ? 1 : 0),
    };
  return { leading, start, end: span.end };
}

/**
 * Deletes a statement together with its attached comments when they fill whole lines (the usual
 * layout); otherwise only the statement, as {@link deleteStatement} does.
 */
function deleteWithComments(text: string, span: { start: number; end: number }, at: Attached): TextEdit {
  const ls = text.lastIndexOf('\n', at.start - 1) + 1;
  let le = text.indexOf('\n', at.end);
  if (le < 0) le = text.length;
  if (text.slice(ls, at.start).trim() === '' && text.slice(at.end, le).trim() === '')
    return { start: ls, end: Math.min(le + 1, text.length), text: '' };
  return deleteStatement(text, span);
}

const REMOVED = new Set([
  'use-bmbv',
  'max-bio-bvecs',
  'unplug-watermark',
  'delay-probe-volume',
  'delay-probe-interval',
  'throttle-threshold',
  'hold-off-threshold',
]);

/**
 * Rewrites a DRBD 8.4 configuration for DRBD 9 with text edits (comments and layout survive):
 * `syncer` options move to `disk`/`net`/`options` (`rate` → `resync-rate`, `after` →
 * `resync-after`), `fencing` moves from `disk` to `net`, `outdate-peer` becomes `fence-peer`,
 * the 8.4 Pacemaker scripts become their `.9.sh` versions, options and statements removed in 9
 * and `become-primary-on` (ignored by 9) are dropped, and resources with more than two hosts get
 * node-ids and a `connection-mesh`. Only files without parse errors are migrated.
 */
export function migrate(text: string, options: { fileName?: string } = {}): MigrateResult {
  const parsed = parse(text, {
    drbdVersion: '8.4',
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
  });
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) return { text, edits: [], changes: [], diagnostics: parsed.diagnostics };
  const edits: TextEdit[] = [];
  const changes: string[] = [];
  const unit = indentUnit(text);
  // Option lines written into new places, with the span of the option they came from.
  const moved: { line: string; from: Span }[] = [];
  const own = (x: { file?: string }) => x.file === undefined || x.file === options.fileName;
  const tokens = lex(text);

  const migrateContainer = (c: DrbdResource | DrbdCommon, label: string) => {
    // Lines to add per target section, and sections we will delete entirely.
    const adds = new Map<SectionKind, string[]>();
    // a moved option takes its comments along: the lines above it and the one after it
    const add = (k: SectionKind, o: DrbdOption, name: string, at?: Attached) => {
      const value = o.value === undefined ? (o.negated ? 'no' : 'yes') : o.value;
      const line = `${name} ${quoteValue(value, '9')};${at?.trailing !== undefined ? ` ${at.trailing}` : ''}`;
      adds.set(k, [...(adds.get(k) ?? []), ...(at?.leading ?? []), line]);
      if (o.span) moved.push({ line, from: o.span });
    };
    for (const sec of c.sections) {
      if (!own(sec) || !sec.span) continue;
      if (sec.kind === 'syncer') {
        const claimed = new Set<string>();
        let first: SectionKind | undefined;
        for (const o of sec.options) {
          const to = SYNCER_84.get(o.name);
          const at = o.span ? attachedComments(tokens, o.span) : undefined;
          for (const c of [...(at?.leading ?? []), ...(at?.trailing !== undefined ? [at.trailing] : [])])
            claimed.add(c);
          if (!to) {
            changes.push(`${label}: dropped \`${o.name}\` (not used by DRBD 9)`);
            continue;
          }
          first ??= to.section;
          add(to.section, o, to.name, at);
          changes.push(`${label}: moved \`syncer { ${o.name} }\` to \`${to.section} { ${to.name} }\``);
        }
        // comments of the section that belong to no moved option go with the first one's lines
        const rest = tokens
          .filter((t) => t.kind === 'comment' && t.start > sec.span!.start && t.end <= sec.span!.end)
          .map((t) => noCr(t.text))
          .filter((c) => !claimed.has(c));
        if (rest.length > 0 && first !== undefined) adds.set(first, [...(adds.get(first) ?? []), ...rest]);
        edits.push(deleteStatement(text, sec.span));
        continue;
      }
      for (const o of sec.options) {
        if (!o.span) continue;
        if (sec.kind === 'disk' && o.name === 'fencing') {
          const at = attachedComments(tokens, o.span);
          add('net', o, 'fencing', at);
          edits.push(deleteWithComments(text, o.span, at));
          changes.push(`${label}: moved \`fencing\` from \`disk\` to \`net\``);
        } else if (sec.kind === 'disk' && (o.name === 'rate' || o.name === 'after')) {
          const name = o.name === 'rate' ? 'resync-rate' : 'resync-after';
          edits.push({ start: o.span.start, end: o.span.start + o.name.length, text: name });
          changes.push(`${label}: renamed \`${o.name}\` to \`${name}\``);
        } else if (REMOVED.has(o.name)) {
          edits.push(deleteStatement(text, o.span));
          changes.push(`${label}: removed \`${o.name}\` (not in DRBD 9)`);
        } else if (sec.kind === 'startup' && o.name === 'become-primary-on') {
          edits.push(deleteStatement(text, o.span));
          changes.push(`${label}: removed \`become-primary-on\` (DRBD 9 ignores it; use auto-promote)`);
        } else if (sec.kind === 'handlers') {
          const src = text.slice(o.span.start, o.span.end);
          let next = o.name === 'outdate-peer' ? `fence-peer${src.slice('outdate-peer'.length)}` : src;
          next = next.replace(/crm-(un)?fence-peer\.sh/g, (m) => m.replace('.sh', '.9.sh'));
          if (next !== src) {
            edits.push({ start: o.span.start, end: o.span.end, text: next });
            changes.push(`${label}: updated handler \`${o.name}\` for DRBD 9`);
          }
        }
      }
    }
    for (const [kind, lines] of adds) {
      const target = c.sections.find((s) => s.kind === kind && s.kind !== 'syncer');
      if (target?.span && !edits.some((e) => e.start <= target.span!.start && e.end >= target.span!.end)) {
        edits.push(insertBeforeClose(text, target.span.end - 1, lines));
      } else if (c.span) {
        edits.push(
          insertBeforeClose(text, c.span.end - 1, [`${kind} {`, ...lines.map((l) => `${unit}${l}`), '}']),
        );
      }
    }
  };

  if (parsed.model.common && own(parsed.model.common)) migrateContainer(parsed.model.common, 'common');
  for (const r of parsed.model.resources) {
    if (!own(r)) continue;
    const label = `resource ${r.name}`;
    migrateContainer(r, label);
    if (r.ignoreOn?.length && r.span) {
      const m = /ignore-on\s+[^;]*;/g;
      const body = text.slice(r.span.start, r.span.end);
      for (const x of body.matchAll(m))
        edits.push(
          deleteStatement(text, { start: r.span.start + x.index, end: r.span.start + x.index + x[0].length }),
        );
      changes.push(`${label}: removed \`ignore-on\` (not in DRBD 9)`);
    }
    for (const h of r.hosts) {
      if (h.alternateLinkAddress?.span) {
        const body = text.slice(0, h.alternateLinkAddress.span.start);
        const kw = body.lastIndexOf('alternate-link-address');
        const semi = text.indexOf(';', h.alternateLinkAddress.span.end);
        if (kw >= 0 && semi >= 0) edits.push(deleteStatement(text, { start: kw, end: semi + 1 }));
        changes.push(`${label}: removed \`alternate-link-address\` (not in DRBD 9; use connection paths)`);
      }
    }
    const hosts = r.hosts.filter((h) => h.kind === 'on' || h.kind === 'floating');
    if (hosts.length > 2) {
      hosts.forEach((h, i) => {
        if (h.span) {
          const open = text.indexOf('{', h.span.start);
          edits.push({
            start: open + 1,
            end: open + 1,
            text: `\n${/^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', h.span.start) + 1))![0]}${unit}node-id ${i};`,
          });
        }
      });
      const names = hosts.flatMap((h) => h.names.slice(0, 1));
      if (r.span)
        edits.push(
          insertBeforeClose(text, r.span.end - 1, [
            'connection-mesh {',
            `${unit}hosts ${names.join(' ')};`,
            '}',
          ]),
        );
      changes.push(`${label}: added node-ids and a connection-mesh for ${hosts.length} hosts`);
    }
  }
  // Deletions can swallow statements we also edited (a whole syncer section); keep the outer edit.
  const inside = (e: TextEdit, f: TextEdit) =>
    f.text === '' &&
    f.end - f.start > e.end - e.start &&
    f.start <= e.start &&
    e.end <= f.end &&
    !(e.start === e.end && (e.start === f.start || e.start === f.end));
  const kept = edits.filter((e, i) => !edits.some((f, j) => j !== i && inside(e, f)));
  const migrated = applyEdits(text, kept);
  // What the migration cannot fix (8.4 accepts values that 9 rejects): report it against the result.
  const after = parse(migrated, {
    drbdVersion: '9',
    ...(options.fileName !== undefined ? { fileName: options.fileName } : {}),
  });
  const lineIndex = new LineIndex(text);
  const back = (d: Diagnostic): Diagnostic => {
    const { position: _p, related, ...rest } = d;
    return makeDiagnostic(lineIndex, {
      ...rest,
      span: mapBack(d.span, kept, moved),
      ...(related
        ? {
            related: related.map((r) => ({
              message: r.message,
              span: mapBack(r.span, kept, moved),
              ...(r.file !== undefined ? { file: r.file } : {}),
            })),
          }
        : {}),
    });
  };
  return {
    text: migrated,
    edits: kept,
    changes,
    diagnostics: [
      ...parsed.diagnostics,
      ...after.diagnostics.filter((d) => d.severity === 'error').map((d) => (own(d) ? back(d) : d)),
    ],
  };
}

/**
 * The span in the input of a span of the migrated text (`edits` applied). Text outside the edits
 * shifts by the edits before it; text inside an edit maps to the option it was moved from when
 * `moved` knows the line, else to the whole edit's input span.
 */
function mapBack(s: Span, edits: readonly TextEdit[], moved: readonly { line: string; from: Span }[]): Span {
  const sorted = sortEdits(edits);
  const at = (p: number, isEnd: boolean): number | Span => {
    let delta = 0;
    for (const e of sorted) {
      const start = e.start + delta;
      const end = start + e.text.length;
      if (p < start || (isEnd && p === start)) break;
      if (p < end) {
        const q = p - start;
        for (const m of moved) {
          const i = e.text.indexOf(m.line);
          if (i >= 0 && q >= i && q < i + m.line.length) return m.from;
        }
        return { start: e.start, end: e.end };
      }
      delta += e.text.length - (e.end - e.start);
    }
    return p - delta;
  };
  const a = at(s.start, false);
  const b = at(s.end, true);
  if (typeof a !== 'number') return a;
  if (typeof b !== 'number') return { start: a, end: Math.max(a, b.end) };
  return { start: a, end: Math.max(a, b) };
}
