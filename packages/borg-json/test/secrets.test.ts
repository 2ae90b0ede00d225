import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { findSecretSpans, redactText, stylish } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { borgJsonFormat, borgSecretsInText } from '../src/index.js';

const fx = (rel: string) => readFileSync(join(import.meta.dirname, 'fixtures', rel), 'utf8');

describe('borg secrets are found for redaction (issue 13 item 8)', () => {
  it('the repro: BORG_PASSPHRASE=… in a log record and in a plain line', () => {
    const text = fx('secrets/borg-log-passphrase.borg-log.jsonl');
    expect(borgSecretsInText(text)).toEqual(['Zx9SECRETqv7Lm2w']);
    const r = borgJsonFormat.lint(text, { fileName: 'x.borg-log.jsonl' });
    expect(r.secrets).toEqual(['Zx9SECRETqv7Lm2w']);
    const out = stylish([{ file: 'x', diagnostics: r.diagnostics, text }], {
      codeFrame: true,
      secrets: r.secrets,
    });
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(out).not.toContain('Zx9SECRETqv7Lm2w');
  });

  it('every base64 line of a real `borg key export` blob, raw and inside a JSON string', () => {
    const key = fx('secrets/key-export.txt');
    const lines = key.trim().split('\n');
    expect(borgSecretsInText(key)).toEqual(lines.slice(1));
    expect(redactText(key, borgSecretsInText(key)).split('\n')[0]).toBe(lines[0]);
    const logged = `${JSON.stringify({ type: 'log_message', message: key, levelname: 'INFO' })}\n`;
    const redacted = redactText(logged, borgSecretsInText(logged));
    for (const l of lines.slice(1)) expect(redacted).not.toContain(l);
    expect(redacted).toContain(lines[0]);
  });

  it.each([
    ['BORG_PASSPHRASE=Zx9 borg create', ['Zx9']],
    ['export BORG_PASSPHRASE="Zx9 qv7"; borg list', ['"Zx9 qv7"', 'Zx9 qv7']],
    ["BORG_NEW_PASSPHRASE='Zx9' borg key change-passphrase", ["'Zx9'", 'Zx9']],
    ['{"message": "env BORG_PASSPHRASE=\\"Zx9 qv7\\" borg"}', ['\\"Zx9 qv7\\"', 'Zx9 qv7']],
    ['BORG_PASSCOMMAND=pass-show-borg borg list', ['pass-show-borg']],
    ['{"passphrase": "Zx9"}', ['"Zx9"', 'Zx9']],
    ['borg-wrapper --passphrase=Zx9 list', ['Zx9']],
  ])('%s', (text, secrets) => {
    expect(borgSecretsInText(text)).toEqual(secrets);
  });

  it('real borg messages that only name the variables yield no secret', () => {
    for (const rel of [
      '2.0.0b5/errors/passphrase-wrong.log-json.jsonl',
      '2.0.0b5/errors/no-passphrase.stderr.txt',
      '1.2/errors/no-passphrase.stderr.txt',
      '1.2/init-repokey.log-json.jsonl',
      '2.0.0b5/rcreate-repokey.log-json.jsonl',
    ])
      expect(borgSecretsInText(fx(rel)), rel).toEqual([]);
  });

  test.prop(
    [fc.stringMatching(/^[A-Za-z0-9!#$%^*+,./:@_~-]{1,24}$/), fc.constantFrom('', 'export ', 'env ')],
    {
      numRuns: 200,
    },
  )('any unquoted passphrase value is found, inside a log record too', (value, prefix) => {
    const line = `${prefix}BORG_PASSPHRASE=${value} borg create ::x /home`;
    const record = JSON.stringify({ type: 'log_message', message: `Running: ${line}`, levelname: 'INFO' });
    for (const t of [line, record]) {
      const out = redactText(t, borgSecretsInText(t));
      expect(findSecretSpans(out, [value])).toEqual([]);
      expect(out).toContain('BORG_PASSPHRASE=«redacted»');
    }
  });
});
