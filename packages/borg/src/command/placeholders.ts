import { literal, P, type Parser, runParser, type Spanned, spanned, tokenText } from '@ftkit/core/parsimmon';

// borg expands `{placeholder}` in archive names with Python's `str.format_map`
// (borg/helpers/parseformat.py: `replace_placeholders`, `format_line`), and refuses an unknown
// key, a conversion (`!r`), an attribute (`{now.year}`), an empty `{}`, nested braces in a
// format spec, and a single `{` or `}`. This grammar reads a name the same way, with spans.

/** The keys borg 1.2 and 2.0 fill in. */
export const PLACEHOLDERS = [
  'hostname',
  'fqdn',
  'reverse-fqdn',
  'now',
  'utcnow',
  'user',
  'pid',
  'uuid4',
  'borgversion',
  'borgmajor',
  'borgminor',
  'borgpatch',
] as const;

/** One `{…}` field: its key as written (with any `!conversion`), and its format spec. */
export interface PlaceholderField {
  readonly key: string;
  readonly spec?: string;
  /** Whether the format spec holds a `{` (a nested field, which borg cannot fill). */
  readonly nested: boolean;
}

/** A piece of an archive name: literal text, or a field with its offsets. */
export type NamePiece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'field'; readonly field: Spanned<PlaceholderField> }
  | { readonly kind: 'single'; readonly brace: Spanned<'{' | '}'> };

const field: Parser<PlaceholderField> = P.seqMap(
  literal('{'),
  tokenText(/[^{}:]*/, 'a placeholder name'),
  P.seq(literal(':'), tokenText(/(?:[^{}]|\{[^{}]*\})*/, 'a format')).times(0, 1),
  literal('}'),
  (_open, key, spec, _close) => {
    const s = spec[0]?.[1];
    return s === undefined ? { key, nested: false } : { key, spec: s, nested: s.includes('{') };
  },
);

const piece: Parser<NamePiece> = P.alt(
  tokenText(/[^{}]+/, 'text').map((text) => ({ kind: 'text' as const, text })),
  literal('{{').map(() => ({ kind: 'text' as const, text: '{' })),
  literal('}}').map(() => ({ kind: 'text' as const, text: '}' })),
  spanned(field).map((f) => ({ kind: 'field' as const, field: f })),
  spanned(tokenText(/[{}]/, 'a brace') as Parser<'{' | '}'>).map((b) => ({
    kind: 'single' as const,
    brace: b,
  })),
);

/** The pieces of an archive name (never fails: a brace that opens no field is a `single`). */
export const archiveNameGrammar: Parser<NamePiece[]> = piece.many();

/**
 * Why borg would refuse the placeholders of `name`, or `undefined` when it expands them.
 * The message names the placeholder as written.
 */
export function placeholderProblem(name: string): string | undefined {
  const r = runParser(archiveNameGrammar, name);
  if (!r.ok) return undefined; // unreachable: the grammar matches every string
  for (const p of r.value) {
    if (p.kind === 'single')
      return `a single \`${p.brace.value}\` (write \`${p.brace.value}${p.brace.value}\` for the character)`;
    if (p.kind !== 'field') continue;
    const written = name.slice(p.field.start, p.field.end);
    const f = p.field.value;
    if (!(PLACEHOLDERS as readonly string[]).includes(f.key))
      return `unknown placeholder \`${written}\`: expected one of ${PLACEHOLDERS.map((k) => `\`{${k}}\``).join(', ')}`;
    if (f.nested) return `placeholder \`${written}\` has a \`{\` in its format, which borg cannot fill`;
  }
  return undefined;
}
