import { lex, type Token, unquote } from './cst/lexer.js';
import type { DrbdConfig } from './schema.js';

/** Every `shared-secret` value in the model (for redaction). */
export function collectSecrets(model: DrbdConfig): string[] {
  const out = new Set<string>();
  const scan = (opts: readonly { name: string; value?: string }[] | undefined) => {
    for (const o of opts ?? []) if (o.name === 'shared-secret' && o.value) out.add(o.value);
  };
  for (const s of model.common?.sections ?? []) scan(s.options);
  for (const r of model.resources) {
    for (const s of r.sections) scan(s.options);
    for (const c of r.connections) scan(c.net?.options);
    for (const m of r.meshes) scan(m.net?.options);
  }
  return [...out];
}

const KEYWORD = /^shared-secret$/i;
// Tokens whose text can be (part of) a secret; punctuation such as `=` or `:` is not collected.
const VALUE_KINDS = new Set<Token['kind']>(['word', 'string', 'int', 'ipv4', 'kmodvers', 'ipv6', 'bad']);

/**
 * Every `shared-secret` value written in `text`, found by the lexer alone so that malformed ones
 * count too: quoted or not, unquoted with spaces (`shared-secret Zx9 qv7;`, which drbdadm
 * rejects), an unterminated string, a missing `;`, a value on the next line, `=` or `:` after
 * the keyword, or a secret inside a section drbdadm would skip. The tokens after the keyword are
 * taken up to `;`, `{`, `}` or the end of the line that holds the first of them; each token
 * (raw and unquoted) is returned, and all of them together as written. Never throws.
 */
export function secretsInText(text: string): string[] {
  if (!/shared-secret/i.test(text)) return [];
  const tokens = lex(text);
  const out = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || !KEYWORD.test(t.text)) continue;
    const taken: Token[] = [];
    for (let j = i + 1; j < tokens.length; j++) {
      const u = tokens[j]!;
      if (u.kind === ';' || u.kind === '{' || u.kind === '}') break;
      if (u.kind === 'ws') {
        if (taken.length > 0 && /[\n\r]/.test(u.text)) break;
        continue;
      }
      if (u.kind === 'comment') {
        // `shared-secret abc#def;`: drbdadm reads `abc`, but the rest is the author's secret too.
        if (taken.length > 0 && u.start === taken.at(-1)!.end) taken.push(u);
        break;
      }
      if (VALUE_KINDS.has(u.kind)) taken.push(u);
    }
    for (const u of taken) {
      const quoted = u.kind === 'string' || (u.kind === 'bad' && u.text.startsWith('"'));
      // The value drbdadm reads, then the text as written (between the quotes, escapes kept).
      if (u.kind !== 'comment') out.add(unquote(u));
      if (u.kind === 'comment') out.add(u.text.slice(1));
      else if (quoted) out.add(u.text.slice(1, u.text.endsWith('"') && u.text.length > 1 ? -1 : undefined));
      else out.add(u.text);
    }
    if (taken.length > 1) out.add(text.slice(taken[0]!.start, taken.at(-1)!.end));
  }
  out.delete('');
  return [...out];
}
