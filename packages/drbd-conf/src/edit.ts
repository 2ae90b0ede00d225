import { FtkitError, type TextEdit } from '@ftkit/core';
import { emit, quote, quoteValue } from './emit.js';
import type { DrbdVersion, SectionKind } from './model/options.js';
import { parse } from './parse.js';
import type { DrbdConfig, DrbdHost, DrbdResource, DrbdSection, DrbdVolume } from './schema.js';

type Span = { start: number; end: number };

/** Where an edit applies: a resource by name, or `common` when `resource` is omitted. */
export interface EditTarget {
  /** Resource name; omit for the `common` section. */
  readonly resource?: string;
  readonly drbdVersion?: DrbdVersion;
}

/**
 * The `FtkitError` an edit throws for a programmer error: a target that is not in the text
 * (`path` names the field of the target object), or a value drbd.conf cannot hold. User text
 * never makes edits throw otherwise.
 */
function editError(code: string, message: string, field: string): FtkitError {
  return new FtkitError(code, message, { path: [field] });
}

/** {@link quoteValue} for the `field` of an edit target: text it refuses names that field. */
function quotedValueFor(field: string, value: string, version: DrbdVersion): string {
  try {
    return quoteValue(value, version);
  } catch (error) {
    if (error instanceof FtkitError) throw editError(error.code, error.message, field);
    throw error;
  }
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}
function indentAt(text: string, at: number): string {
  const ls = lineStart(text, at);
  return /^[ \t]*/.exec(text.slice(ls))![0];
}
/** The indentation unit used in `text` (first indented line), default four spaces. */
export function indentUnit(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text);
  return m ? (m[1]!.startsWith('\t') ? '\t' : m[1]!) : '    ';
}

/** An edit inserting `lines` as the last statements inside the block whose `}` is at `close`. */
export function insertBeforeClose(text: string, close: number, lines: readonly string[]): TextEdit {
  const ls = lineStart(text, close);
  const outer = indentAt(text, close);
  const before = text.slice(ls, close);
  const unit = indentUnit(text);
  // The block's own indentation is that of its first line when `}` shares a line with content.
  const body = lines.map((l) => `${outer}${unit}${l}`).join('\n');
  if (before.trim() === '') return { start: ls, end: ls, text: `${body}\n` };
  return { start: close, end: close, text: `\n${body}\n${outer}` };
}

/** An edit deleting a statement and, when it stands alone, its whole line. */
export function deleteStatement(text: string, span: Span): TextEdit {
  const ls = lineStart(text, span.start);
  let le = text.indexOf('\n', span.end);
  if (le < 0) le = text.length;
  const after = text.slice(span.end, le);
  if (text.slice(ls, span.start).trim() === '' && after.trim() === '')
    return { start: ls, end: Math.min(le + 1, text.length), text: '' };
  // keep a trailing comment where it was
  if (after.trim().startsWith('#'))
    return { start: span.start, end: span.end + after.indexOf('#'), text: '' };
  let end = span.end;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return { start: span.start, end, text: '' };
}

function findResource(
  model: DrbdConfig,
  name: string | undefined,
): { sections: DrbdSection[]; span?: Span; r?: DrbdResource } {
  if (name === undefined) {
    if (!model.common) throw editError('drbd/edit-no-common', 'The file has no `common` section', 'resource');
    return { sections: model.common.sections, ...(model.common.span ? { span: model.common.span } : {}) };
  }
  const r = model.resources.find((x) => x.name === name);
  if (!r) throw editError('drbd/edit-unknown-resource', `Unknown resource \`${name}\``, 'resource');
  return { sections: r.sections, ...(r.span ? { span: r.span } : {}), r };
}

/**
 * Sets `name` to `value` in section `section` of a resource (or `common`): replaces the value
 * when the option exists, adds a line before the section's `}` otherwise, and adds the section
 * when it is missing. Only the touched bytes change; comments and layout elsewhere survive.
 */
export function setOption(
  text: string,
  target: EditTarget & { readonly section: SectionKind; readonly name: string; readonly value: string },
): TextEdit[] {
  const v = target.drbdVersion ?? '9';
  const { model } = parse(text, { drbdVersion: v });
  const { sections, span } = findResource(model, target.resource);
  const line = `${target.name} ${quotedValueFor('value', target.value, v)};`;
  const sec = sections.find((s) => s.kind === target.section);
  const opt = sec?.options.find((o) => o.name === target.name);
  if (opt?.span) return [{ start: opt.span.start, end: opt.span.end, text: line }];
  if (sec?.span) return [insertBeforeClose(text, sec.span.end - 1, [line])];
  if (!span) throw editError('drbd/edit-no-position', 'The target has no position in the text', 'resource');
  const unit = indentUnit(text);
  return [insertBeforeClose(text, span.end - 1, [`${target.section} {`, `${unit}${line}`, '}'])];
}

/** Removes every `name` option from section `section` (no edits when it is absent). */
export function removeOption(
  text: string,
  target: EditTarget & { readonly section: SectionKind; readonly name: string },
): TextEdit[] {
  const { model } = parse(text, { drbdVersion: target.drbdVersion ?? '9' });
  const { sections } = findResource(model, target.resource);
  const out: TextEdit[] = [];
  for (const s of sections)
    if (s.kind === target.section)
      for (const o of s.options)
        if (o.name === target.name && o.span) out.push(deleteStatement(text, o.span));
  return out;
}

/** Adds a host section (written by `emit`) as the last host of a resource. */
export function addHost(
  text: string,
  target: EditTarget & { readonly resource: string; readonly host: DrbdHost },
): TextEdit[] {
  const v = target.drbdVersion ?? '9';
  const { model } = parse(text, { drbdVersion: v });
  const { r } = findResource(model, target.resource);
  const body = emitFragment(
    { ...r!, sections: [], volumes: [], connections: [], meshes: [], hosts: [target.host] },
    v,
    indentUnit(text),
  );
  const last = r!.hosts.at(-1);
  if (last?.span) {
    const indent = indentAt(text, last.span.start);
    return [
      { start: last.span.end, end: last.span.end, text: `\n${body.map((l) => `${indent}${l}`).join('\n')}` },
    ];
  }
  return [insertBeforeClose(text, r!.span!.end - 1, body)];
}

/** Removes the host section that has `name` among its names. */
export function removeHost(
  text: string,
  target: EditTarget & { readonly resource: string; readonly name: string },
): TextEdit[] {
  const { model } = parse(text, { drbdVersion: target.drbdVersion ?? '9' });
  const { r } = findResource(model, target.resource);
  const h = r!.hosts.find((x) => x.names.includes(target.name));
  if (!h?.span)
    throw editError(
      'drbd/edit-unknown-host',
      `Unknown host \`${target.name}\` in resource \`${target.resource}\``,
      'name',
    );
  return [deleteStatement(text, h.span)];
}

/** Adds a `volume N { }` to a resource, or to one host section when `host` is given. */
export function addVolume(
  text: string,
  target: EditTarget & {
    readonly resource: string;
    readonly host?: string;
    readonly volume: DrbdVolume & { number: number };
  },
): TextEdit[] {
  const v = target.drbdVersion ?? '9';
  const { model } = parse(text, { drbdVersion: v });
  const { r } = findResource(model, target.resource);
  const lines = emitFragment(
    { ...r!, sections: [], hosts: [], connections: [], meshes: [], volumes: [target.volume] },
    v,
    indentUnit(text),
  );
  if (target.host !== undefined) {
    const h = r!.hosts.find((x) => x.names.includes(target.host!));
    if (!h?.span)
      throw editError(
        'drbd/edit-unknown-host',
        `Unknown host \`${target.host}\` in resource \`${target.resource}\``,
        'host',
      );
    return [insertBeforeClose(text, h.span.end - 1, lines)];
  }
  return [insertBeforeClose(text, r!.span!.end - 1, lines)];
}

/** The body lines (without the `resource … {` wrapper) `emit` writes for a one-resource model. */
function emitFragment(r: DrbdResource, v: DrbdVersion, unit: string): string[] {
  const { protocol: _p, templateFile: _t, ignoreOn: _i, ...rest } = r;
  const text = emit(
    { drbdVersion: v, resources: [rest], includes: [], requires: [] },
    { drbdVersion: v, indent: unit },
  );
  const lines = text.trimEnd().split('\n').slice(1, -1);
  return lines.map((l) => (l.startsWith(unit) ? l.slice(unit.length) : l));
}

/** Path-addressed text edits that keep comments and layout (see each function). */
export const edit = { setOption, removeOption, addHost, removeHost, addVolume, quote } as const;
