import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fsReader } from '@ftkit/core/node';
import { describe, expect, it } from 'vitest';
import { dump, effectiveHost, parse } from '../../src/index.js';
import { runDrbdadmAs, TOOLS } from './drbdadm.js';

// DRBD 9 `template-file`: a file with one `common` section that replaces the configuration's
// `common` for that resource (issue 15, defect 5). drbdadm 9 is the oracle: `dump` for acceptance
// and text, `-d adjust` for the options the resource really gets.
const dir = mkdtempSync(join(tmpdir(), 'ftkit-template-'));
writeFileSync(
  join(dir, 'tmpl.conf'),
  'common {\n  net { protocol A; max-buffers 4000; }\n  disk { on-io-error detach; }\n}\n',
);
writeFileSync(join(dir, 'bad.conf'), 'resource x { }\n');
const hosts = (minor: number) => `
  on alice { device /dev/drbd${minor}; disk /dev/sda${minor + 7}; address 10.1.1.31:${7789 + minor}; meta-disk internal; }
  on bob { device /dev/drbd${minor}; disk /dev/sda${minor + 7}; address 10.1.1.32:${7789 + minor}; meta-disk internal; }`;
const main = (template: string) => `common { net { protocol C; } }
resource r0 {
  template-file "${template}";${hosts(0)}
}
resource r1 {${hosts(1)}
}
`;
const cases = {
  relative: 'tmpl.conf',
  absolute: join(dir, 'tmpl.conf'),
  missing: 'nope.conf',
  bad: 'bad.conf',
};
const files = Object.entries(cases).map(([name, t]) => {
  const f = join(dir, `${name}.res`);
  writeFileSync(f, main(t));
  return f;
});

/** `--protocol=…` and `--max-buffers=…` of `drbdsetup new-peer RES` in drbdadm's `-d adjust`. */
function peerOptions(file: string, res: string): Record<string, string> {
  const r = spawnSync(
    'unshare',
    [
      '-n',
      'sh',
      '-c',
      `ip link set lo up; ip addr add 10.1.1.31/32 dev lo; "${TOOLS['9']}" -c "${file}" -d adjust ${res}`,
    ],
    { encoding: 'utf8', env: { ...process.env, __DRBD_NODE__: 'alice' } },
  );
  const line = r.stdout.split('\n').find((l) => l.includes(` new-peer ${res} `)) ?? '';
  return Object.fromEntries([...line.matchAll(/--([a-z-]+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
}

describe('template-file against drbdadm 9', () => {
  const runs = runDrbdadmAs(
    files.map((file) => ({ file, node: 'alice', ips: ['10.1.1.31'] })),
    '9',
  );
  it.each(files.map((f, i) => [Object.keys(cases)[i]!, f, i] as const))('%s', (name, file, i) => {
    const r = parse(readFileSync(file, 'utf8'), {
      fileName: file,
      reader: fsReader({ root: dir }),
      root: dir,
    });
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length === 0, errors.map((d) => d.message).join(' | ')).toBe(runs[i]!.rc === 0);
    if (errors.length > 0) {
      expect(errors[0]!.message).toMatch(
        name === 'missing' ? /^Failed to open template file/ : /^Invalid template file/,
      );
      return;
    }
    expect(dump(r.model, { host: 'alice', configPath: file, definedAt: (x) => r.definedAt(x) })).toBe(
      runs[i]!.stdout,
    );
    for (const res of ['r0', 'r1']) {
      const theirs = peerOptions(file, res);
      const net = effectiveHost(r.model, res, 'alice')!.sections.get('net')!;
      expect(net.get('protocol')?.value).toBe(theirs.protocol);
      expect(net.get('max-buffers')?.from === 'default' ? undefined : net.get('max-buffers')?.value).toBe(
        theirs['max-buffers'],
      );
    }
  });
});
