import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPTION_TABLES, type SectionKind } from '@ftkit/drbd-conf';
import { describe, expect, it } from 'vitest';
import type { FeatureContext } from '../../src/features.js';
import { drbdFeatures } from '../../src/formats/drbd.js';
import { Workspace } from '../../src/workspace.js';

// What the hover says drbdadm makes of an enum or yes/no value ("`x` is accepted" / "drbdadm 9
// rejects `x`") against drbdadm 9 itself: `drbdadm -c FILE dump all` on a resource with that value,
// inside a private network namespace that owns the local address.

const DRBDADM = '/usr/sbin/drbdadm';

const resource = (section: SectionKind, option: string, value: string) => `resource r0 {
  ${section} { ${option} ${value}; }
  on alice { device /dev/drbd0; disk /dev/vdb; address 10.1.1.31:7789; meta-disk internal; node-id 0; }
  on bob { device /dev/drbd0; disk /dev/vdb; address 10.1.1.32:7789; meta-disk internal; node-id 1; }
}
`;

/** drbdadm 9's exit code for each text, all run in one network namespace. */
function drbdadm(texts: readonly string[]): number[] {
  for (const t of [DRBDADM, '/usr/bin/unshare'])
    if (!existsSync(t)) throw new Error(`${t} is missing: install drbd-utils and util-linux`);
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-lsp-drbdadm-'));
  const lines = ['ip link set lo up', 'ip addr add 10.1.1.31/32 dev lo'];
  texts.forEach((text, i) => {
    writeFileSync(join(dir, `${i}.res`), text);
    lines.push(
      `__DRBD_NODE__=alice ${DRBDADM} -c '${dir}/${i}.res' dump all </dev/null >/dev/null 2>&1; echo $? >'${dir}/${i}.rc'`,
    );
  });
  writeFileSync(join(dir, 'run.sh'), `${lines.join('\n')}\n`);
  const r = spawnSync('unshare', ['-n', 'sh', join(dir, 'run.sh')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`unshare failed: ${r.stderr}`);
  return texts.map((_, i) => Number(readFileSync(join(dir, `${i}.rc`), 'utf8').trim()));
}

describe('hover verdicts on enum and yes/no values agree with drbdadm 9', () => {
  const cases: { section: SectionKind; option: string; value: string }[] = [];
  for (const section of ['net', 'disk'] as const)
    for (const spec of OPTION_TABLES['9'][section]?.values() ?? []) {
      if (spec.type !== 'enum' && spec.type !== 'bool') continue;
      const valid = spec.type === 'bool' ? 'yes' : spec.values![0]!;
      for (const value of [valid, 'no-such-value']) cases.push({ section, option: spec.name, value });
    }

  it('says "accepted" exactly where drbdadm 9 accepts the value', () => {
    expect(cases.length).toBeGreaterThan(20);
    const workspace = new Workspace('/nonexistent');
    const rcs = drbdadm(cases.map((c) => resource(c.section, c.option, c.value)));
    // drbdadm took the valid values and refused the made-up one, so the comparison means something.
    expect(rcs.filter((rc) => rc === 0).length).toBe(cases.length / 2);
    const got = cases.map((c, i) => {
      const text = resource(c.section, c.option, c.value);
      const ctx: FeatureContext = {
        path: '/nonexistent/r0.res',
        text,
        workspace,
        settings: { drbdVersion: '9' },
      };
      const md = drbdFeatures.hover!(ctx, text.indexOf(c.option) + 1)?.markdown ?? '';
      const says = md.includes(`Written here: \`${c.value}\` is accepted`)
        ? 'accepted'
        : md.includes(`drbdadm 9 rejects \`${c.value}\``)
          ? 'rejected'
          : 'silent';
      return `${c.section} ${c.option} ${c.value}: hover ${says}, drbdadm ${rcs[i] === 0 ? 'accepted' : 'rejected'}`;
    });
    expect(got).toEqual(
      got.map((line) =>
        line.replace(/hover \w+, drbdadm (\w+)$/, (_, tool: string) => `hover ${tool}, drbdadm ${tool}`),
      ),
    );
  });
});
