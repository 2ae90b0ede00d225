import { labRules } from '../check/rules/index.js';
import { labJsonSchema } from './spec.js';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
}

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (s.type === 'array') return `list of ${s.items ? typeOf(s.items) : 'values'}`;
  if (s.type === 'object') return 'mapping';
  if (s.type === 'integer') {
    const range =
      s.minimum !== undefined && s.maximum !== undefined
        ? ` ${s.minimum}–${s.maximum}`
        : s.minimum !== undefined
          ? ` ≥ ${s.minimum}`
          : '';
    return `integer${range}`;
  }
  return String(s.type ?? 'value');
}

/**
 * The spec reference table of docs/lab.md, generated from the lab spec's JSON Schema: one row
 * per field (dotted path, `[]` for list items), with type, default and description.
 */
export function specReferenceMarkdown(): string {
  const rows: string[] = ['| field | type | default | description |', '| --- | --- | --- | --- |'];
  const walk = (s: JsonSchema, path: string, required: boolean) => {
    if (path) {
      const def = s.default !== undefined ? `\`${JSON.stringify(s.default)}\`` : required ? '(required)' : '';
      const desc = (s.description ?? '').replace(/\|/g, '\\|');
      rows.push(`| \`${path}\` | ${typeOf(s)} | ${def} | ${desc} |`);
    }
    if (s.type === 'object' && s.properties) {
      for (const [k, v] of Object.entries(s.properties)) {
        if (k === '$schema') continue;
        walk(v, path ? `${path}.${k}` : k, s.required?.includes(k) ?? false);
      }
    }
    if (s.type === 'array' && s.items?.type === 'object')
      walk({ ...s.items, description: undefined, type: 'object' }, `${path}[]`, true);
  };
  walk(labJsonSchema() as JsonSchema, '', true);
  // The `[]` rows repeat their list's row; keep only their fields.
  return `${rows.filter((r) => !/^\| `[^`]*\[\]` \| mapping/.test(r)).join('\n')}\n`;
}

/** The cross-file rules table of docs/lab.md, generated from the rules' metadata. */
export function rulesTableMarkdown(): string {
  const rows = Object.values(labRules)
    .map((r) => r.meta)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(
      (m) =>
        `| [\`${m.id}\`](rules/lab/${m.id}.md) | ${m.defaultSeverity} | ${m.description.replace(/\|/g, '\\|')} |`,
    );
  return `${['| rule | default | checks |', '| --- | --- | --- |', ...rows].join('\n')}\n`;
}

/** Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in a Markdown page. */
export function fillMarkers(markdown: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->\n`;
  const end = `<!-- ${name}:end -->`;
  const i = markdown.indexOf(start);
  const j = markdown.indexOf(end);
  if (i < 0 || j < i) throw new Error(`Missing ${name} markers`);
  return `${markdown.slice(0, i + start.length)}${content}${markdown.slice(j)}`;
}
