/** A realistic drbd.conf with `n` two-host resources (about 400 bytes each), for benchmarks. */
export function generateConfig(n: number): string {
  const parts: string[] = [
    'global {\n    usage-count no;\n}\n\ncommon {\n    net {\n        protocol C;\n        verify-alg sha256;\n    }\n}\n',
  ];
  for (let i = 0; i < n; i++) {
    const port = 7000 + (i % 50000);
    const a = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    parts.push(`
# resource ${i}
resource r${i} {
    device /dev/drbd${i} minor ${i};
    disk /dev/vg0/lv${i};
    meta-disk internal;
    disk { resync-rate 40M; al-extents 3389; }
    on alice {
        address 10.1.1.31:${port};
    }
    on bob {
        address ${a}:${port};
    }
}
`);
  }
  return parts.join('');
}
