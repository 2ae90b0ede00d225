import { describe, expect, it } from 'vitest';
import { dump, parse, quickDump } from '../src/index.js';

/** One resource whose `net` section repeats `protocol C;` `n` times. */
function manyOptions(n: number): string {
  return (
    `resource r {\n net {\n${'  protocol C;\n'.repeat(n)} }\n` +
    ' on a { device /dev/drbd0; disk /dev/sdb; address 10.0.0.1:7789; meta-disk internal; }\n' +
    ' on b { device /dev/drbd0; disk /dev/sdb; address 10.0.0.2:7789; meta-disk internal; }\n}\n'
  );
}

describe('big inputs (issue 13 item 6)', () => {
  it('dump and quickDump print a section of 130,000 options without a stack overflow', () => {
    // make-big.sh dump-options: `push(...pairs)` passed every option as one call argument.
    const text = manyOptions(130_000);
    const quick = quickDump(text, { host: 'a' });
    expect(quick).toBeDefined();
    expect(quick!.split('protocol').length - 1).toBeGreaterThanOrEqual(1);
    const r = parse(text);
    const full = dump(r.model, { drbdVersion: '9' });
    expect(full).toContain('resource r {');
  });
});
