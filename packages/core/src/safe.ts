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

/** Replaces every occurrence of each secret (non-empty strings) in `text` with {@link REDACTED}. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...secrets].filter((x) => x.length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(s).join(REDACTED);
  }
  return out;
}
