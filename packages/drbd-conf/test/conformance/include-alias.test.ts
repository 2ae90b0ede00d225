import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fsReader } from '@ftkit/core/node';
import { describe, expect, it } from 'vitest';
import { dump, parse } from '../../src/index.js';
import { NODE, runDrbdadm, stripComments } from './drbdadm.js';

const res = (name: string, minor: number) =>
  `resource ${name} {\n  on alice { device /dev/drbd${minor}; disk /dev/sdb; address 10.1.1.31:${7000 + minor}; meta-disk internal; }\n  on bob { device /dev/drbd${minor}; disk /dev/sdb; address 10.1.1.32:${7000 + minor}; meta-disk internal; }\n}\n`;

describe('includes through symbolic links agree with drbdadm', () => {
  // Issue 13 item 3: `l1 -> .` and `l2 -> .` re-included the file exponentially (a hang).
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ftkit-alias-')));
  writeFileSync(
    join(dir, 'a.conf'),
    `include "l1/a.conf";\ninclude "l2/a.conf";\ninclude "l1/l2/d/*.res";\ninclude "d/*.res";\n${res('a', 0)}`,
  );
  mkdirSync(join(dir, 'd'));
  writeFileSync(join(dir, 'd/b.res'), res('b', 1));
  symlinkSync('.', join(dir, 'l1'));
  symlinkSync('.', join(dir, 'l2'));
  const main = join(dir, 'a.conf');

  it('reads every real file once, in drbdadm’s order, with the same dump', () => {
    const [run] = runDrbdadm([main], '9');
    expect(run!.rc).toBe(0);
    const t0 = performance.now();
    const r = parse(
      `include "l1/a.conf";\ninclude "l2/a.conf";\ninclude "l1/l2/d/*.res";\ninclude "d/*.res";\n${res('a', 0)}`,
      {
        fileName: main,
        reader: fsReader({ root: dir }),
      },
    );
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.model.resources.map((x) => x.name)).toEqual(['b', 'a']);
    expect(stripComments(dump(r.model, { host: NODE }))).toBe(stripComments(run!.stdout));
  });
});
