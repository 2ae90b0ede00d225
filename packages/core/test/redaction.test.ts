import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  codeFrame,
  DiagnosticCollector,
  findSecretSpans,
  json,
  LineIndex,
  REDACTED,
  redactText,
  sarif,
  stylish,
} from '../src/index.js';

describe('redactText matches whole tokens only (issue 13 item 8)', () => {
  it('a secret equal to a common word does not garble messages', () => {
    // The repro: `shared-secret "e";` turned every `e` of every message into «redacted».
    expect(redactText('Expected `;`, found `e`', ['e'])).toBe(`Expected \`;\`, found \`${REDACTED}\``);
    expect(redactText('Missing `shared-secret` in resource `r0`', ['secret'])).toBe(
      'Missing `shared-secret` in resource `r0`',
    );
    expect(redactText('shared-secret "e";', ['e'])).toBe(`shared-secret "${REDACTED}";`);
  });

  it('finds secrets after `=`, `:` and between quotes, longer secrets first', () => {
    expect(redactText('Running: BORG_PASSPHRASE=Zx9 borg create', ['Zx9'])).toBe(
      `Running: BORG_PASSPHRASE=${REDACTED} borg create`,
    );
    expect(redactText("found 'qv7Lm2w'", ['qv7Lm2w', 'Zx9SECRET qv7Lm2w'])).toBe(`found '${REDACTED}'`);
    expect(redactText('"Zx9SECRET qv7Lm2w"', ['qv7Lm2w', 'Zx9SECRET qv7Lm2w'])).toBe(`"${REDACTED}"`);
    expect(redactText('x', [''])).toBe('x');
  });

  const token = fc.stringMatching(/^[A-Za-z0-9_./-]{1,8}$/);
  const sep = fc.constantFrom(' ', '"', "'", '`', ';', '=', ':', '\n', '{', '}');
  test.prop([token, fc.array(fc.oneof(token, sep, fc.constant('S')), { maxLength: 30 })], { numRuns: 400 })(
    'no secret survives as a token, and text around it is kept',
    (secret, parts) => {
      const text = parts.map((p) => (p === 'S' ? secret : p)).join('');
      const out = redactText(text, [secret]);
      expect(findSecretSpans(out, [secret])).toEqual([]);
      // Every kept character is from the input: redaction only replaces the secret's spans.
      expect(out.split(REDACTED).join('')).toBe(
        findSecretSpans(text, [secret]).reduceRight((t, sp) => t.slice(0, sp.start) + t.slice(sp.end), text),
      );
      if (!text.includes(secret)) expect(out).toBe(text);
    },
  );
});

describe('code frames never show a secret (issue 13 item 1)', () => {
  const text = 'resource r0 {\n  net {\n    protocol C;\n    shared-secret "Zx9SECRETqv7Lm2w";\n  }\n}\n';
  const at = (start: number, end: number) => new LineIndex(text).positionOf({ start, end });

  it('prints the line with «redacted» and keeps the carets on the right token', () => {
    const i = text.indexOf('protocol');
    const f = codeFrame(text, at(i, i + 8), { secrets: ['Zx9SECRETqv7Lm2w'] });
    expect(f).not.toContain('Zx9SECRETqv7Lm2w');
    expect(f).toContain(`shared-secret "${REDACTED}";`);
    expect(f).toContain('> 3 |     protocol C;\n    |     ^^^^^^^^');
    const v = text.indexOf('"Zx9');
    const g = codeFrame(text, at(v, v + 18), { secrets: ['Zx9SECRETqv7Lm2w'] });
    expect(g).toContain(
      `> 4 |     shared-secret "${REDACTED}";\n    |                   ${'^'.repeat(REDACTED.length + 2)}`,
    );
  });

  it('every reporter redacts messages when given secrets', () => {
    const c = new DiagnosticCollector(text, '@ftkit/test');
    c.warning('W', 'Weak secret `Zx9SECRETqv7Lm2w`', {
      start: text.indexOf('"Zx9'),
      end: text.indexOf('";') + 1,
    });
    const reports = [{ file: 'r0.res', diagnostics: c.items, text }];
    const secrets = ['Zx9SECRETqv7Lm2w'];
    for (const out of [
      stylish(reports, { codeFrame: true, secrets }),
      json(reports, { secrets }),
      sarif(reports, { secrets }),
    ])
      expect(out).not.toContain('Zx9SECRETqv7Lm2w');
  });

  const word = fc.stringMatching(/^[a-z]{1,6}$/);
  test.prop(
    [
      fc.stringMatching(/^[A-Za-z]{1,10}$/),
      fc.array(fc.array(fc.oneof(word, fc.constant('S'), fc.constantFrom(' ', '"', ';')), { maxLength: 8 }), {
        minLength: 1,
        maxLength: 6,
      }),
      fc.nat(),
      fc.nat(),
    ],
    { numRuns: 300 },
  )('frames of any span in any text hold no secret token', (secret, lines, a, b) => {
    const t = lines.map((l) => l.map((p) => (p === 'S' ? secret : p)).join('')).join('\n');
    const s = a % (t.length + 1);
    const e = s + (b % (t.length - s + 1));
    const f = codeFrame(t, new LineIndex(t).positionOf({ start: s, end: e }), { secrets: [secret] });
    expect(findSecretSpans(f.replace(/^[ >]+\d* \|/gm, ' '), [secret])).toEqual([]);
  });
});
