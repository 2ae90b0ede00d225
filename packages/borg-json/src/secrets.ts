/**
 * `NAME=value` for the environment variables that carry a passphrase or the command printing
 * one, as written in shell lines that borg logs quote (`Running: BORG_PASSPHRASE=… borg create`)
 * — also inside a JSON string, where quotes arrive as `\"`. `BORG_PASSPHRASE is not set` has no
 * `=` and is left alone.
 */
const ENV_ASSIGNMENT =
  /\b(?:BORG_NEW_PASSPHRASE|BORG_PASSPHRASE|BORG_NEW_PASSCOMMAND|BORG_PASSCOMMAND)[ \t]*=[ \t]*(\\"(?:[^"\\]|\\[^"])*\\"|"(?:[^"\\]|\\.)*"|'[^'\n]*'|[^\s"'\\;&|]+)/g;

/** `"passphrase": "value"` (a JSON key, plain or escaped inside a JSON string) and `passphrase=value`. */
const PASSPHRASE_KEY =
  /(?:\\?"passphrase\\?"[ \t]*:[ \t]*(\\"(?:[^"\\]|\\[^"])*\\"|"(?:[^"\\]|\\.)*")|\b(?:--)?passphrase[ \t]*=[ \t]*([^\s"'\\;&|]+))/gi;

/** The first line of `borg key export` (`BORG_KEY <repository id>`), then base64 lines. */
const KEY_HEADER = /BORG_KEY [0-9a-fA-F]{8,}/g;
const KEY_LINE = /^(?:\r?\n|\\n|\\r\\n)([A-Za-z0-9+/=]{8,})/;

const unquote = (v: string): string[] => {
  if (v.startsWith('\\"')) return [v, v.slice(2, -2)];
  if (v.startsWith('"') || v.startsWith("'")) return [v, v.slice(1, -1)];
  return [v];
};

/**
 * Secret values written in borg output or logs, for redaction: `BORG_PASSPHRASE=…` (and
 * `BORG_NEW_PASSPHRASE`, `BORG_PASSCOMMAND`, `BORG_NEW_PASSCOMMAND`; quoted or not, also inside
 * JSON strings), `"passphrase": "…"` and `passphrase=…` values, and the base64 lines of a key
 * blob after `BORG_KEY <id>`. Each value is returned as written and without its quotes. Found by
 * pattern, so text that is not JSON counts too. Never throws.
 */
export function borgSecretsInText(text: string): string[] {
  const out = new Set<string>();
  if (/passphrase|passcommand/i.test(text)) {
    for (const m of text.matchAll(ENV_ASSIGNMENT)) for (const v of unquote(m[1]!)) out.add(v);
    for (const m of text.matchAll(PASSPHRASE_KEY)) for (const v of unquote(m[1] ?? m[2]!)) out.add(v);
  }
  if (text.includes('BORG_KEY ')) {
    for (const m of text.matchAll(KEY_HEADER)) {
      let at = m.index + m[0].length;
      for (
        let line = KEY_LINE.exec(text.slice(at, at + 4096));
        line;
        line = KEY_LINE.exec(text.slice(at, at + 4096))
      ) {
        out.add(line[1]!);
        at += line[0].length;
      }
    }
  }
  out.delete('');
  return [...out];
}
