import { distance } from 'fastest-levenshtein';

/**
 * A dictionary object with no prototype, so user-chosen keys such as `__proto__` or
 * `constructor` are plain keys and can never reach `Object.prototype`.
 */
export function safeRecord<V>(entries?: Iterable<readonly [string, V]>): Record<string, V> {
  const o = Object.create(null) as Record<string, V>;
  if (entries) for (const [k, v] of entries) o[k] = v;
  return o;
}

/**
 * The closest candidate to `word` (Levenshtein distance at most `max(1, ⌊len/3⌋)`, ties to the
 * first), for "did you mean" hints; `undefined` when nothing is close.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  const lower = word.toLowerCase();
  for (const c of candidates) {
    if (c === word) continue;
    const d = c.toLowerCase() === lower ? 0 : distance(lower, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= limit ? best : undefined;
}

/**
 * The `count` candidates closest to `word` (Levenshtein distance, case-insensitive; ties keep
 * the candidates' order), for messages that cannot list every keyword allowed in a place.
 */
export function nearestCandidates(word: string, candidates: readonly string[], count: number): string[] {
  const lower = word.toLowerCase();
  return candidates
    .map((c, i) => ({ c, i, d: distance(lower, c.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, Math.max(0, count))
    .map((x) => x.c);
}

/** What secrets are replaced with in messages and reports. */
export const REDACTED = '«redacted»';

/**
 * Characters that end a token in config files, reports and logs: whitespace, quotes, brackets,
 * a backslash and the separators `;`, `,`, `=`, `:`, `<`, `>`. A secret is only recognised where
 * it stands as a whole token, so a secret equal to a common word (`e`, `secret`) does not garble
 * `Expected` or `shared-secret`.
 */
const TOKEN_END = /[\s"'`;,=:<>(){}[\]\\]/u;

/**
 * True when offset `at` of `text` ends a token: outside the text, a separator, or (before a
 * secret) the letter of a JSON escape `\n`, `\r`, `\t`, `\"`.
 */
const bounded = (text: string, at: number, edgeOfSecret: string | undefined, before: boolean): boolean =>
  at < 0 ||
  at >= text.length ||
  TOKEN_END.test(text[at]!) ||
  (before && text[at - 1] === '\\' && 'nrt"'.includes(text[at]!)) ||
  (edgeOfSecret !== undefined && TOKEN_END.test(edgeOfSecret));

/**
 * Where the secrets stand in `text` as whole tokens (see {@link redactText}): sorted, merged
 * spans (0-based UTF-16 offsets, end exclusive). Longer secrets win over shorter ones they contain.
 */
export function findSecretSpans(text: string, secrets: readonly string[]): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const list = [...new Set(secrets)].filter((x) => x.length > 0).sort((a, b) => b.length - a.length);
  for (const s of list) {
    for (let i = text.indexOf(s); i !== -1; i = text.indexOf(s, i + 1)) {
      if (bounded(text, i - 1, s[0], true) && bounded(text, i + s.length, s.at(-1), false))
        found.push({ start: i, end: i + s.length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const f of found) {
    const last = merged.at(-1);
    if (last && f.start <= last.end) last.end = Math.max(last.end, f.end);
    else merged.push({ ...f });
  }
  return merged;
}

/** Replaces the given spans (sorted, not overlapping, as {@link findSecretSpans} returns) with {@link REDACTED}. */
export function redactSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const sp of spans) {
    out += text.slice(at, sp.start) + REDACTED;
    at = sp.end;
  }
  return out + text.slice(at);
}

/**
 * Replaces each secret (non-empty strings) in `text` with {@link REDACTED} where it stands as a
 * whole token: bounded on both sides by the start or end of the text, whitespace, a quote, a
 * bracket or one of `;,=:<>` (or the secret itself begins or ends with such a character). So
 * `shared-secret "e"` loses its `e` but `Expected` keeps it.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  return redactSpans(text, findSecretSpans(text, secrets));
}
