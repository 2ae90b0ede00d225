import { parseCst, VARIABLES, variableInfo } from '@ftkit/o2cb-defaults';
import { CompletionItemKind } from 'vscode-languageserver';
import {
  type Completion,
  type FeatureContext,
  type FormatFeatures,
  type HoverInfo,
  wordAt,
} from '../features.js';

function describe(name: string): string | undefined {
  const v = variableInfo(name);
  if (!v) return undefined;
  return [
    `**\`${v.name}\`** (${v.kind})`,
    '',
    v.debianComment,
    '',
    `- Default: \`${v.defaultValue}\`${v.unit ? ` ${v.unit}` : ''}`,
    ...(v.toolMinimum !== undefined ? [`- Smallest value \`o2cb configure\` accepts: ${v.toolMinimum}`] : []),
  ].join('\n');
}

function hover(ctx: FeatureContext, offset: number): HoverInfo | undefined {
  const span = wordAt(ctx.text, offset, /[A-Za-z0-9_]/);
  const md = describe(ctx.text.slice(span.start, span.end));
  return md ? { markdown: md, span } : undefined;
}

function complete(ctx: FeatureContext, offset: number): Completion[] {
  const lineStart = ctx.text.lastIndexOf('\n', offset - 1) + 1;
  const before = ctx.text.slice(lineStart, offset);
  const assign = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=("?)([^"]*)$/.exec(before);
  if (assign) {
    const v = variableInfo(assign[1]!);
    const replace = { start: offset - assign[3]!.length, end: offset };
    if (v?.kind === 'boolean')
      return ['true', 'false'].map((label) => ({
        label,
        kind: CompletionItemKind.EnumMember,
        detail: v.name,
        replace,
      }));
    if (v?.kind === 'stack')
      return [{ label: 'o2cb', kind: CompletionItemKind.EnumMember, detail: v.name, replace }];
    return [];
  }
  const name = /^\s*(?:export\s+)?([A-Za-z0-9_]*)$/.exec(before);
  if (!name) return [];
  const present = new Set(
    parseCst(ctx.text).lines.flatMap((l) => (l.type === 'assignment' ? [l.name.text] : [])),
  );
  const replace = { start: offset - name[1]!.length, end: offset };
  return VARIABLES.filter((v) => !present.has(v.name) || v.name === name[1]).map((v) => ({
    label: v.name,
    kind: CompletionItemKind.Variable,
    detail: v.debianComment,
    documentation: describe(v.name) ?? '',
    replace,
  }));
}

/** Editor features of /etc/default/o2cb (and /etc/sysconfig/o2cb). */
export const o2cbFeatures: FormatFeatures = { hover, complete };
