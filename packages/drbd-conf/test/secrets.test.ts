import { fc, test } from '@fast-check/vitest';
import { findSecretSpans, stylish } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { lint, secretsInText } from '../src/index.js';

const hosts = `  on alpha { device /dev/drbd0; disk /dev/sdb; address 10.0.0.1:7789; meta-disk internal; }
  on beta  { device /dev/drbd0; disk /dev/sdb; address 10.0.0.2:7789; meta-disk internal; }`;

/** Ways a secret is written, valid or not; `A B` is a secret with a space. */
const SHAPES: readonly ((a: string, b: string) => string)[] = [
  (a, b) => `shared-secret "${a}${b}";`,
  (a, b) => `shared-secret ${a}${b};`,
  (a, b) => `shared-secret ${a} ${b};`,
  (a, b) => `shared-secret "${a} ${b};`,
  (a, b) => `shared-secret ${a}${b}\n`,
  (a, b) => `shared-secret\n      "${a}${b}";`,
  (a, b) => `shared-secret=${a}${b};`,
  (a, b) => `shared-secret: "${a} ${b}";`,
  (a, b) => `shared-secret "${a}\\"${b}";`,
  (a, b) => `shared-secret ${a}#${b};`,
  (a, b) => `Shared-Secret "${a}${b}";`,
  (a, b) => `shared-secret "${a}${'x'.repeat(300)}${b}";`,
];
const file = (secretLine: string, where: 'net' | 'skip' | 'common') =>
  where === 'common'
    ? `common {\n  net { cram-hmac-alg sha1; ${secretLine} }\n}\nresource r0 {\n${hosts}\n}\n`
    : where === 'skip'
      ? `skip {\n  ${secretLine}\n}\nresource r0 {\n${hosts}\n}\n`
      : `resource r0 {\n  net { protocol C; cram-hmac-alg sha1; ${secretLine} }\n${hosts}\n}\n`;

/** Everything `ftkit lint --code-frame` would print for `text`. */
function printed(text: string): string {
  const r = lint(text, { fileName: 'r0.res' });
  const secrets = [...(r.secrets ?? []), ...secretsInText(text)];
  return stylish([{ file: 'r0.res', diagnostics: r.diagnostics, text }], { codeFrame: true, secrets });
}

describe('malformed DRBD secrets are collected and never printed (issue 13 items 1 and 8)', () => {
  it('the repro: an unquoted secret with a space', () => {
    const text = `resource r0 {\n  net { cram-hmac-alg sha1; shared-secret Zx9SECRET qv7Lm2w; }\n${hosts}\n}\n`;
    expect(secretsInText(text)).toEqual(['Zx9SECRET', 'qv7Lm2w', 'Zx9SECRET qv7Lm2w']);
    const out = printed(text);
    expect(out).toContain('Expected `;`');
    expect(out).not.toMatch(/Zx9SECRET|qv7Lm2w/);
  });

  it.each(SHAPES.map((s, i) => [i, s] as const))('shape %i in net, common and skip', (_i, shape) => {
    for (const where of ['net', 'common', 'skip'] as const) {
      const out = printed(file(shape('Zx9SECRET', 'qv7Lm2w'), where));
      expect(out, `${where}: ${out}`).not.toMatch(/Zx9SECRET|qv7Lm2w/);
    }
  });

  it('a secret equal to a common word leaves other words whole', () => {
    const text = `resource r0 {\n  net { protocol C; cram-hmac-alg sha1; shared-secret "e"; nope yes; }\n${hosts}\n}\n`;
    const out = printed(text);
    expect(out).toContain('Unknown option');
    expect(out).toContain('shared-secret "«redacted»"; nope yes;');
    expect(out).toContain('Weak `shared-secret`');
  });

  test.prop(
    [
      fc.stringMatching(/^[A-Za-z]{2,6}[0-9][A-Za-z0-9]{0,5}$/),
      fc.stringMatching(/^[A-Za-z]{2,6}[0-9][A-Za-z0-9]{0,5}$/),
      fc.nat(SHAPES.length - 1),
      fc.constantFrom('net', 'common', 'skip'),
    ],
    { numRuns: 150 },
  )('no part of any secret shape appears in lint output', (a, b, s, where) => {
    const out = printed(file(SHAPES[s]!(a, b), where as 'net'));
    expect(findSecretSpans(out, [a, b, `${a}${b}`])).toEqual([]);
  });
});
