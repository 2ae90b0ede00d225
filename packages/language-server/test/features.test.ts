import { cpSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureContext } from '../src/features.js';
import { clusterConfFeatures } from '../src/formats/cluster-conf.js';
import { drbdFeatures, includedPaths } from '../src/formats/drbd.js';
import { fstabFeatures } from '../src/formats/fstab.js';
import { o2cbFeatures } from '../src/formats/o2cb.js';
import { lintDocument } from '../src/lint-document.js';
import { Workspace } from '../src/workspace.js';

// The features of each format on the real files of test/fixtures/workspace (see SOURCES.md),
// called in process; test/session.e2e.test.ts drives the same through the built server.

const ws = join(import.meta.dirname, 'fixtures/workspace');
const workspace = new Workspace(ws);

function ctx(rel: string, text = readFileSync(join(ws, rel), 'utf8')): FeatureContext {
  return { path: join(ws, rel), text, workspace, settings: {} };
}
const at = (c: FeatureContext, needle: string, delta = 0) => {
  const i = c.text.indexOf(needle);
  expect(i, needle).toBeGreaterThanOrEqual(0);
  return i + delta;
};
const slice = (c: FeatureContext, span: { start: number; end: number }) => c.text.slice(span.start, span.end);

describe('lintDocument', () => {
  it('claims each fixture by name as ftkit lint does', async () => {
    const names = [];
    for (const rel of ['drbd.conf', 'ocfs2/cluster.conf', 'default/o2cb', 'fstab'])
      names.push(
        (await lintDocument(join(ws, rel), readFileSync(join(ws, rel), 'utf8'), { workspace })).format?.name,
      );
    expect(names).toEqual(['drbd-conf', 'ocfs2-cluster-conf', 'o2cb-defaults', 'fstab']);
    expect((await lintDocument(join(ws, 'notes.txt'), 'hello\n')).format).toBeUndefined();
  });

  it('reports findings in included files under those files, with secrets redacted', async () => {
    const text = 'include "drbd.d/*.conf";\n';
    const r = await lintDocument(join(ws, 'drbd.conf'), text, { workspace });
    expect(r.diagnostics).toEqual([]);
    const inGlobal = r.included.get(join(ws, 'drbd.d/global_common.conf'));
    expect(inGlobal?.map((d) => d.code)).toContain('shared-secret-weak');
    expect(r.secrets).toContain('s3cr3t');
  });

  it('passes rules and settings as ftkit lint --rule/--set do', async () => {
    const rel = 'drbd.d/postgres.res';
    const text = readFileSync(join(ws, rel), 'utf8');
    const off = await lintDocument(join(ws, rel), text, {
      workspace,
      rules: { 'verify-alg-missing': 'off' },
    });
    expect(off.diagnostics.map((d) => d.code)).toEqual(['split-brain-handler-missing']);
    const v84 = await lintDocument(
      join(ws, 'drbd.d/global_common.conf'),
      readFileSync(join(ws, 'drbd.d/global_common.conf'), 'utf8'),
      {
        workspace,
        settings: { drbdVersion: '8.4' },
      },
    );
    expect(v84.diagnostics.map((d) => d.code)).not.toContain('drbd/version-assumed');
  });

  it('reads an included file from the editor before the disk', async () => {
    const local = new Workspace(ws);
    local.open.set(join(ws, 'drbd.d/postgres.res'), { text: 'resource r9 { protocol D; }\n', version: 2 });
    const r = await lintDocument(join(ws, 'drbd.conf'), readFileSync(join(ws, 'drbd.conf'), 'utf8'), {
      workspace: local,
    });
    expect(r.included.get(join(ws, 'drbd.d/postgres.res'))?.some((d) => d.severity === 'error')).toBe(true);
  });

  it('honours the ftkit.config.json found upward and inline directives, as ftkit lint does', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ftkit-lsp-config-')));
    cpSync(join(ws, 'drbd.d'), join(dir, 'drbd.d'), { recursive: true });
    writeFileSync(join(dir, 'ftkit.config.json'), JSON.stringify({ rules: { 'verify-alg-missing': 'off' } }));
    const local = new Workspace(dir);
    const rel = join(dir, 'drbd.d/postgres.res');
    const text = readFileSync(rel, 'utf8');
    const plain = await lintDocument(rel, text, { workspace: local });
    expect(plain.diagnostics.map((d) => d.code)).toEqual(['split-brain-handler-missing']);
    const directed = await lintDocument(
      rel,
      `# ftkit-disable-next-line split-brain-handler-missing\n${text}`,
      {
        workspace: local,
      },
    );
    expect(directed.diagnostics.map((d) => d.code)).toEqual([]);
    writeFileSync(join(dir, 'ftkit.config.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const bad = await lintDocument(rel, text, { workspace: new Workspace(dir) });
    expect(bad.diagnostics.map((d) => [d.code, d.severity])).toEqual([['ftkit/invalid-config', 'error']]);
  });

  it('never reads outside the workspace folder', async () => {
    const r = await lintDocument(join(ws, 'drbd.conf'), 'include "/etc/passwd";\n', { workspace });
    expect(r.diagnostics.map((d) => d.message)).toEqual([
      `Include \`/etc/passwd\` points outside the allowed root \`${ws}\``,
    ]);
  });
});

describe('drbd.conf', () => {
  const text = `resource r0 {
  disk { on-io-error detach; resync-rate 100M; }
  on alice { address 10.0.0.1:7789; }
  on bob { address 10.0.0.2:7789; }
  connection { host alice; host bob; }
}
resource r1 {
  disk { resync-after r0; }
  on alice { address 10.0.0.1:7790; }
  on bob { address 10.0.0.2:7790; }
}
`;
  const c = ctx('drbd.d/two.res', text);

  it('hovers an option: range, unit, default, versions and the value written', () => {
    const h = drbdFeatures.hover!(c, at(c, 'resync-rate', 2))!;
    expect(slice(c, h.span)).toBe('resync-rate');
    expect(h.markdown).toContain('peer-device');
    expect(h.markdown).toContain('- Range: 1–8388608 KiB/s');
    expect(h.markdown).toContain('- Default: `250`');
    expect(h.markdown).toContain('- Accepted by: DRBD 9, 8.4');
    expect(h.markdown).toContain('drbdadm reads `100M` as 102400 KiB/s: within the range');
    expect(h.markdown).toContain('What it does: `man drbd.conf-9.0`, section `disk`.');
    const bad = ctx('drbd.d/x.res', 'resource r { net { protocol D; } }\n');
    expect(drbdFeatures.hover!(bad, at(bad, 'protocol'))!.markdown).toContain(
      'drbdadm 9 rejects `D`: expected one of `A`, `B`, `C`',
    );
  });

  it('hovers a resource name with where it is defined', () => {
    const h = drbdFeatures.hover!(c, at(c, 'resync-after r0', 'resync-after '.length))!;
    expect(h.markdown).toBe(`**resource \`r0\`** is defined at:\n- ${c.path}:1`);
  });

  it('completes resource names in resync-after and host names in connection', () => {
    const edited = ctx('drbd.d/two.res', text.replace('resync-after r0;', 'resync-after ;'));
    const names = drbdFeatures.complete!(edited, at(edited, 'resync-after ', 'resync-after '.length));
    expect(names.map((n) => n.label)).toEqual(['drbd_psql', 'r0']);
    const hosts = drbdFeatures.complete!(c, at(c, 'host bob', 'host '.length));
    expect(hosts.map((n) => n.label)).toEqual(['alice', 'bob']);
    const units = drbdFeatures.complete!(c, at(c, '100M', 3));
    expect(units.map((n) => n.label)).toEqual(['100K', '100M', '100G']);
    const resourceLevel = drbdFeatures.complete!(c, at(c, 'on alice'));
    expect(resourceLevel.map((n) => n.label)).toEqual(
      expect.arrayContaining(['connection', 'volume', 'on', 'net']),
    );
  });

  it('finds the definition and references of a resource and of a host', () => {
    const def = drbdFeatures.definition!(c, at(c, 'resync-after r0', 'resync-after '.length));
    expect(def).toEqual([{ path: c.path, span: { start: at(c, 'r0'), end: at(c, 'r0') + 2 } }]);
    const refs = drbdFeatures.references!(c, at(c, 'r0'));
    expect(refs.map((p) => slice(c, p.span))).toEqual(['r0', 'r0']);
    const host = drbdFeatures.definition!(c, at(c, 'host bob', 'host '.length));
    expect(host).toEqual([{ path: c.path, span: { start: at(c, 'on bob', 3), end: at(c, 'on bob', 6) } }]);
    expect(drbdFeatures.references!(c, at(c, 'on alice', 3)).length).toBe(2);
  });

  it('knows the files a drbd.conf includes (what an edit elsewhere makes it lint again for)', () => {
    expect([...includedPaths(ctx('drbd.conf'))].sort()).toEqual([
      join(ws, 'drbd.d/global_common.conf'),
      join(ws, 'drbd.d/postgres.res'),
    ]);
    expect(includedPaths(c).size).toBe(0);
  });

  it('lists resources, sections, hosts and connections as symbols', () => {
    const s = drbdFeatures.symbols!(c);
    expect(s.map((x) => [x.name, x.children.map((y) => y.name)])).toEqual([
      ['resource r0', ['disk', 'on alice', 'on bob', 'connection']],
      ['resource r1', ['disk', 'on alice', 'on bob']],
    ]);
  });
});

describe('cluster.conf', () => {
  const c = ctx('ocfs2/cluster.conf');

  it('goes from `cluster =` to the cluster stanza, and back', () => {
    const def = clusterConfFeatures.definition!(c, at(c, 'cluster = webcluster', 'cluster = '.length));
    expect(def.map((p) => [slice(c, p.span), p.span.start])).toEqual([
      ['webcluster', at(c, 'name = webcluster', 7)],
    ]);
    const refs = clusterConfFeatures.references!(c, at(c, 'name = webcluster', 7));
    expect(refs.length).toBe(7);
  });

  it('completes attribute names missing from the stanza, cluster names and heartbeat modes', () => {
    const edited = ctx('ocfs2/cluster.conf', c.text.replace('\tname = node7\n', '\tna\n'));
    const keys = clusterConfFeatures.complete!(edited, at(edited, '\tna\n', 3));
    expect(keys.map((k) => k.label)).toEqual(['name']);
    const clusters = clusterConfFeatures.complete!(c, at(c, 'cluster = webcluster', 'cluster = '.length));
    expect(clusters.map((k) => k.label)).toEqual(['webcluster']);
    const modes = clusterConfFeatures.complete!(c, at(c, 'heartbeat_mode = ', 'heartbeat_mode = '.length));
    expect(modes.map((k) => k.label)).toEqual(['local', 'global']);
  });

  it('lists the cluster, its nodes and heartbeats as symbols', () => {
    expect(clusterConfFeatures.symbols!(c).map((s) => s.name)).toEqual([
      'cluster webcluster',
      'node node7',
      'node node6',
      'node node10',
      'heartbeat 77D95EF51C0149D2823674FCC162CF8B',
      'heartbeat DCDA2845177F4D59A0F2DCD8DE507CC3',
      'heartbeat BBA1DBD0F73F449384CE75197D9B7098',
    ]);
  });
});

describe('/etc/default/o2cb', () => {
  const c = ctx('default/o2cb');

  it('hovers a variable with its default and unit', () => {
    const h = o2cbFeatures.hover!(c, at(c, 'O2CB_IDLE_TIMEOUT_MS=', 3))!;
    expect(slice(c, h.span)).toBe('O2CB_IDLE_TIMEOUT_MS');
    expect(h.markdown).toContain('- Default: `30000` ms');
  });

  it('completes the variables not yet set, and boolean values', () => {
    const names = o2cbFeatures.complete!(ctx('default/o2cb', `${c.text}O2`), c.text.length + 2);
    expect(names.map((n) => n.label)).toEqual(['O2CB_STACK']);
    const values = o2cbFeatures.complete!(c, at(c, 'O2CB_ENABLED=', 'O2CB_ENABLED='.length));
    expect(values.map((n) => n.label)).toEqual(['true', 'false']);
  });
});

describe('fstab', () => {
  const c = ctx('fstab');

  it('completes the mount options of the entry’s file system', () => {
    const items = fstabFeatures.complete!(c, at(c, 'nointr', 2));
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['_netdev', 'datavolume', 'errors']));
    expect(items.length).toBeGreaterThan(10);
  });

  it('hovers a mount option with what the table says about it', () => {
    const h = fstabFeatures.hover!(c, at(c, 'datavolume', 2))!;
    expect(slice(c, h.span)).toBe('datavolume');
    expect(h.markdown).toMatch(/^\*\*`datavolume`\*\* — ocfs2 mount option/);
  });
});
