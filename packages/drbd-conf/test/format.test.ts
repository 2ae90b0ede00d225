import { describe, expect, it } from 'vitest';
import { format, parse } from '../src/index.js';

describe('format keeps each comment with its statement', () => {
  it('a comment after `;`, `{` or `}` stays on that line', () => {
    const text = `resource r0 { # the resource
  net { protocol C;   # sync
  max-buffers 8000; } # closing
  on alice { device /dev/drbd0; disk /dev/sda7; # two on a line
    address 10.1.1.31:7789;

    meta-disk internal; }
  # own line
  on bob { device /dev/drbd0; disk /dev/sda7; address 10.1.1.32:7789; meta-disk internal; }
}
`;
    expect(format(text).text).toBe(`resource r0 { # the resource
    net {
        protocol C; # sync
        max-buffers 8000;
    } # closing
    on alice {
        device /dev/drbd0;
        disk /dev/sda7; # two on a line
        address 10.1.1.31:7789;

        meta-disk internal;
    }
    # own line
    on bob {
        device /dev/drbd0;
        disk /dev/sda7;
        address 10.1.1.32:7789;
        meta-disk internal;
    }
}
`);
  });

  it('a comment on the next line stays on its own line; CRLF line ends stay CRLF', () => {
    const text = 'global {\r\n  usage-count no; # same line\r\n  # next line\r\n}\r\n';
    expect(format(text).text).toBe('global {\r\n    usage-count no; # same line\r\n    # next line\r\n}\r\n');
  });

  it('formatting twice changes nothing, and the model is the same', () => {
    const text = 'common { net { protocol C; } # x\n disk { on-io-error detach; } }\n';
    const once = format(text).text;
    expect(format(once).text).toBe(once);
    expect(JSON.stringify(parse(once).model.common?.sections.map((s) => s.options.map((o) => o.value)))).toBe(
      JSON.stringify(parse(text).model.common?.sections.map((s) => s.options.map((o) => o.value))),
    );
  });

  it('keeps escaped bytes of a non-UTF-8 comment (core decodeLossless) untouched', () => {
    // "# 主节点" in GBK as decodeLossless gives it: one lone surrogate per byte that is not UTF-8
    const comment = '# \uDCD6\uDCF7\uDCBD\uDCDA\uDCB5\uDCE3';
    const text = `resource r0 { ${comment}\n net { protocol C; }\n}\n`;
    expect(format(text).text).toBe(`resource r0 { ${comment}\n    net {\n        protocol C;\n    }\n}\n`);
  });
});
