import { describe, expect, it } from 'vitest';
import { parse, parseCst, print } from '../src/index.js';

describe('big inputs (issue 13)', () => {
  it('200,000 blank lines inside a stanza before an attribute do not overflow the stack', () => {
    // Pending blank and comment lines were moved with `body.push(...pending, line)`.
    const text = `cluster:\n\tname = c\n${'\t\n'.repeat(200_000)}\tnode_count = 0\n`;
    expect(print(parseCst(text))).toBe(text);
    expect(parse(text).diagnostics.map((d) => d.code)).toContain('ocfs2/blank-in-stanza');
  });
});
