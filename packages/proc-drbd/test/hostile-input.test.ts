import { describe, expect, it } from 'vitest';
import { lint, parse } from '../src/index.js';

describe('messages name what the text holds (issue 13, low)', () => {
  it('a minor of 309 digits is not `minor Infinity`', () => {
    // /work/shared/reliability/proc-huge-minor.txt
    const minor = `1${'0'.repeat(308)}`;
    const text = `version: 8.4.11 (api:1/proto:86-101)\n\n${minor}: cs:t\n`;
    const msgs = lint(text).diagnostics.map((d) => d.message);
    expect(msgs.join('\n')).not.toMatch(/Infinity|NaN|undefined/);
    expect(msgs).toContain(`Expected a minor number, found \`${minor.slice(0, 40)}…\``);
  });

  it('status JSON: a missing key is `Missing key`, 1e309 is not `found Infinity`', () => {
    // /work/shared/reliability/proc-status-json-missing-keys.json and status-json-1e309.json
    const missing = parse('[{"name":"r0","connections":[{}]}]', { source: 'status-json' }).diagnostics;
    const messages = missing.map((d) => d.message);
    expect(messages).toContain('Missing key `role` (string) in `0`');
    expect(messages).toContain('Missing key `name` (string) in `0.connections.0`');
    const huge = parse('1e309', { source: 'status-json' }).diagnostics.map((d) => d.message);
    expect(huge).toEqual(['Expected array at `(root)`, found a number too large for a double']);
    for (const m of [...messages, ...huge]) expect(m).not.toMatch(/found (undefined|Infinity)/);
  });

  it('no source carries a control character from the input into a message', () => {
    const esc = '\x1b]0;pwned\x07\x1b[2J';
    const texts = {
      'proc-drbd': `version: 8.4.11 (api:1/proto:86-101)\n${esc}\n 0: cs:${esc}\n`,
      events2: `exists resource name:r0 role:Primary\n${esc} resource name:r0\nexists ${esc} name:r0\n  ${esc}:x\n`,
      'status-json': `[${esc}]`,
      'status-text': `  ${esc}\nr0 role:Primary\n  disk:UpToDate ${esc}\n${' '.repeat(3)}${esc}\n`,
    } as const;
    for (const [source, text] of Object.entries(texts)) {
      const messages = parse(text, { source: source as keyof typeof texts }).diagnostics.map(
        (d) => d.message,
      );
      expect(messages.length, source).toBeGreaterThan(0);
      expect(
        messages.some((m) => m.includes('\\x1b]0;pwned\\x07')),
        source,
      ).toBe(true);
      for (const m of messages) expect(m, source).not.toMatch(/[\x00-\x1f\x7f]/);
    }
  });
});
