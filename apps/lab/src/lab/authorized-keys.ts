import type { Span } from '@ftkit/core';
import type { AuthorizedKeyFact, Located } from './check/facts.js';

/** One authorized_keys entry as data. */
export interface AuthorizedKeyEntry {
  /** Options in order: `[name]` for flags, `[name, value]` for `name="value"`. */
  readonly options: readonly (readonly [string] | readonly [string, string])[];
  /** The public key line: `TYPE BASE64 [COMMENT]`. */
  readonly publicKey: string;
}

/** Quotes an option value the way sshd reads it (double quotes, `\"` inside). */
function quoteOption(value: string): string {
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** One authorized_keys line (without the newline). */
export function emitAuthorizedKey(entry: AuthorizedKeyEntry): string {
  if (/[\r\n]/.test(entry.publicKey)) throw new Error('A public key must be one line');
  const opts = entry.options.map((o) => (o.length === 2 ? `${o[0]}=${quoteOption(o[1])}` : o[0])).join(',');
  return opts ? `${opts} ${entry.publicKey}` : entry.publicKey;
}

/** A whole authorized_keys file: one line per entry, a trailing newline. */
export function emitAuthorizedKeys(entries: readonly AuthorizedKeyEntry[]): string {
  return entries.map((e) => `${emitAuthorizedKey(e)}\n`).join('');
}

const keyTypes =
  /^(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp\d+|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)$/;

/**
 * Reads authorized_keys lines into facts with offsets. Comment and blank lines are skipped;
 * lines sshd would not understand come back as problems. Never throws.
 */
export function parseAuthorizedKeys(
  text: string,
  file: string,
  user: string,
): { keys: AuthorizedKeyFact[]; problems: { message: string; span: Span }[] } {
  const keys: AuthorizedKeyFact[] = [];
  const problems: { message: string; span: Span }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const body = line.replace(/\r$/, '');
    if (body.trim() === '' || body.trimStart().startsWith('#')) continue;
    const lead = body.length - body.trimStart().length;
    let i = lead;
    const options = new Map<string, Located<string | true>>();
    // Options come first unless the line starts with a key type.
    const firstWord = /^\S+/.exec(body.slice(i))![0];
    if (!keyTypes.test(firstWord)) {
      while (i < body.length && !/\s/.test(body[i]!)) {
        const nameMatch = /^[A-Za-z0-9-]+/.exec(body.slice(i));
        if (!nameMatch) break;
        const name = nameMatch[0].toLowerCase();
        const optStart = i;
        i += nameMatch[0].length;
        let value: string | true = true;
        if (body[i] === '=' && body[i + 1] === '"') {
          i += 2;
          let v = '';
          while (i < body.length && body[i] !== '"') {
            if (body[i] === '\\' && body[i + 1] === '"') i++;
            v += body[i];
            i++;
          }
          i++;
          value = v;
        }
        options.set(name, { file, value, span: { start: start + optStart, end: start + i } });
        if (body[i] === ',') i++;
        else break;
      }
    }
    const rest = body.slice(i).trimStart();
    const restStart = start + body.length - rest.length;
    const m = /^(\S+)\s+(\S+)(?:\s+(.*))?$/.exec(rest);
    if (!m || !keyTypes.test(m[1]!)) {
      problems.push({
        message: `Expected \`KEYTYPE BASE64 [COMMENT]\`, found \`${rest.slice(0, 40)}\``,
        span: { start: start + lead, end: start + body.length },
      });
      continue;
    }
    const keyStart =
      restStart +
      m[1]!.length +
      (rest.slice(m[1]!.length).length - rest.slice(m[1]!.length).trimStart().length);
    keys.push({
      file,
      user,
      span: { start: start + lead, end: start + body.length },
      options,
      keyType: { file, value: m[1]!, span: { start: restStart, end: restStart + m[1]!.length } },
      key: { file, value: m[2]!, span: { start: keyStart, end: keyStart + m[2]!.length } },
      ...(m[3]
        ? {
            comment: {
              file,
              value: m[3],
              span: { start: start + body.length - m[3].length, end: start + body.length },
            },
          }
        : {}),
    });
  }
  return { keys, problems };
}
