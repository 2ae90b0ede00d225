import { type EntryLine, optionNames, optionSpec, parseCst } from '@ftkit/fstab';
import { CompletionItemKind } from 'vscode-languageserver';
import type { Completion, FeatureContext, FormatFeatures, HoverInfo } from '../features.js';

/** The entry line at `offset` and the index of the field the offset is in (or would start). */
function fieldAt(text: string, offset: number): { entry: EntryLine; index: number } | undefined {
  for (const line of parseCst(text).lines) {
    if (line.type !== 'entry' || offset < line.start || offset > line.end - line.newline.length) continue;
    const index = line.fields.findIndex((f) => f.start <= offset && offset <= f.end);
    if (index >= 0) return { entry: line, index };
    return { entry: line, index: line.fields.filter((f) => f.end < offset).length };
  }
  return undefined;
}

function describe(vfstype: string, name: string): string | undefined {
  const spec = optionSpec(vfstype, name);
  if (!spec) return undefined;
  const lines = [`**\`${spec.name}\`** — ${vfstype} mount option (${spec.kind})`];
  if (spec.values?.length) lines.push(`- Values: ${spec.values.map((v) => `\`${v}\``).join(', ')}`);
  if (spec.min !== undefined || spec.max !== undefined)
    lines.push(`- Range: ${spec.min ?? ''}–${spec.max ?? ''}`);
  if (spec.note) lines.push('', spec.note);
  return lines.join('\n');
}

function hover(ctx: FeatureContext, offset: number): HoverInfo | undefined {
  const at = fieldAt(ctx.text, offset);
  const field = at?.entry.fields[at.index];
  if (at?.index !== 3 || !field) return undefined;
  const vfstype = at.entry.fields[2]?.value ?? '';
  let start = field.start;
  for (const item of field.raw.split(',')) {
    const end = start + item.length;
    if (offset >= start && offset <= end) {
      const md = describe(vfstype, item.split('=')[0]!);
      return md ? { markdown: md, span: { start, end } } : undefined;
    }
    start = end + 1;
  }
  return undefined;
}

function complete(ctx: FeatureContext, offset: number): Completion[] {
  const at = fieldAt(ctx.text, offset);
  if (at?.index !== 3) return [];
  const vfstype = at.entry.fields[2]?.value ?? '';
  const field = at.entry.fields[3];
  const typed = field ? ctx.text.slice(field.start, offset) : '';
  const item = typed.slice(typed.lastIndexOf(',') + 1);
  const replace = { start: offset - item.length, end: offset };
  const eq = item.indexOf('=');
  if (eq >= 0) {
    const spec = optionSpec(vfstype, item.slice(0, eq));
    return (spec?.values ?? []).map((v) => ({
      label: v,
      kind: CompletionItemKind.EnumMember,
      detail: spec!.name,
      replace: { start: replace.start + eq + 1, end: offset },
    }));
  }
  return optionNames(vfstype).map((name) => ({
    label: name,
    kind: CompletionItemKind.Property,
    detail: `${vfstype} mount option`,
    documentation: describe(vfstype, name) ?? '',
    replace,
  }));
}

/** Editor features of /etc/fstab. */
export const fstabFeatures: FormatFeatures = { hover, complete };
