import { describe, expect, it } from 'vitest';
import { migrate, parse } from '../src/index.js';

const hosts = `  on alice { device /dev/drbd0; disk /dev/sda7; address 10.1.1.31:7789; meta-disk internal; }
  on bob { device /dev/drbd0; disk /dev/sda7; address 10.1.1.32:7789; meta-disk internal; }
`;

describe('migrate keeps the comments of the options it moves', () => {
  it('syncer options and fencing take their own-line and trailing comments along', () => {
    const text = `resource r0 {
  syncer {
    rate 100M;  # sync at 100 MB/s
    # the resync order
    al-extents 257;
    # left over
  }
  disk {
    on-io-error detach; # stays
    # why fencing
    fencing resource-only; # fence on failure
  }
${hosts}}
`;
    const m = migrate(text);
    expect(m.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(m.text).toBe(`resource r0 {
  disk {
    on-io-error detach; # stays
    resync-rate 100M; # sync at 100 MB/s
    # the resync order
    al-extents 257;
    # left over
  }
${hosts}  net {
    # why fencing
    fencing resource-only; # fence on failure
  }
}
`);
    expect(parse(m.text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a comment that trails the statement before stays with that statement', () => {
    const text = `resource r0 {
  disk { on-io-error detach; # about on-io-error
    fencing resource-only;
  }
  net { protocol C; }
${hosts}}
`;
    const m = migrate(text);
    expect(m.text).toContain('on-io-error detach; # about on-io-error\n');
    expect(m.text).toContain('  disk { on-io-error detach; # about on-io-error\n  }\n');
    expect(m.text).toMatch(/ {2}net \{ protocol C; ?\n {4}fencing resource-only;\n {2}\}\n/);
  });
});
