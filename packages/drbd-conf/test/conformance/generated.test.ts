import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DrbdConfig, dump, emit, format, migrate, parse } from '../../src/index.js';
import { strip } from '../strip.js';
import { NODE, runDrbdadm, stripComments } from './drbdadm.js';

const dir = join(import.meta.dirname, '../fixtures/corpus');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.res'))
  .sort();
const texts = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const out = mkdtempSync(join(tmpdir(), 'ftkit-drbd-gen-'));

const valid = (v: '9' | '8.4') =>
  files.filter(
    (f) =>
      !parse(texts.get(f)!, { drbdVersion: v, fileName: join(dir, f) }).diagnostics.some(
        (d) => d.severity === 'error',
      ),
  );

describe.each(['9', '8.4'] as const)('generated text is read by drbdadm %s like the original', (v) => {
  const ok = valid(v);
  const cases = ok.flatMap((f) => {
    const orig = parse(texts.get(f)!, { drbdVersion: v, fileName: join(dir, f) });
    const emitted = emit(orig.model);
    const formatted = format(texts.get(f)!, { drbdVersion: v }).text;
    const pe = join(out, `${v}-emit-${f}`);
    const pf = join(out, `${v}-fmt-${f}`);
    writeFileSync(pe, emitted);
    writeFileSync(pf, formatted);
    return [
      { f, kind: 'emit', path: pe, text: emitted, model: orig.model },
      { f, kind: 'format', path: pf, text: formatted, model: orig.model },
    ];
  });
  const runs = runDrbdadm(
    cases.map((c) => c.path),
    v,
  );
  it('covers the valid part of the corpus', () => expect(ok.length).toBeGreaterThan(20));
  it.each(cases.map((c, i) => [`${c.kind} ${c.f}`, i] as const))('%s', (_n, i) => {
    const c = cases[i]!;
    const run = runs[i]!;
    expect(run.rc, run.stderr).toBe(0);
    const again = parse(c.text, { drbdVersion: v });
    expect(again.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(strip(again.model)).toEqual(strip(c.model as DrbdConfig));
    expect(stripComments(run.stdout)).toBe(stripComments(dump(c.model as DrbdConfig, { host: NODE })));
    if (c.kind === 'format') expect(format(c.text, { drbdVersion: v }).text).toBe(c.text);
  });
});

describe('migrate 8.4 → 9', () => {
  const ok = valid('8.4');
  const migrated = ok.map((f) => {
    const m = migrate(texts.get(f)!);
    const p = join(out, `mig-${f}`);
    writeFileSync(p, m.text);
    return { f, p, m };
  });
  const runs = runDrbdadm(
    migrated.map((x) => x.p),
    '9',
  );
  it.each(migrated.map((x, i) => [x.f, i] as const))(
    '%s: drbdadm 9 accepts the result exactly when migrate reports no error',
    (_f, i) => {
      const x = migrated[i]!;
      const clean = !x.m.diagnostics.some((d) => d.severity === 'error');
      expect(
        runs[i]!.rc === 0,
        `${runs[i]!.stderr}\n---\n${x.m.text}\n---\n${x.m.diagnostics.map((d) => d.message).join('\n')}`,
      ).toBe(clean);
    },
  );
  it('migrates most of the 8.4 corpus cleanly', () => {
    expect(
      migrated.filter((x) => !x.m.diagnostics.some((d) => d.severity === 'error')).length,
    ).toBeGreaterThan(ok.length - 6);
  });
  it('keeps comments and explains each change', () => {
    const text = `# cluster config
resource r0 {
  syncer { rate 33M; verify-alg sha1; } # legacy
  disk { fencing resource-only; }
  handlers { outdate-peer "/usr/lib/drbd/crm-fence-peer.sh"; }
  startup { become-primary-on alice; }
  on alice { device minor 0; disk /dev/sdb; address 10.1.1.31:7789; meta-disk internal; }
  on bob { device minor 0; disk /dev/sdb; address 10.1.1.32:7789; meta-disk internal; }
}
`;
    const m = migrate(text);
    expect(m.text).toContain('# cluster config');
    expect(m.text).toContain('# legacy');
    expect(m.text).not.toContain('syncer');
    expect(m.text).toContain('resync-rate 33M;');
    expect(m.text).toContain('fence-peer "/usr/lib/drbd/crm-fence-peer.9.sh"');
    expect(m.text).not.toContain('become-primary-on');
    expect(m.changes.length).toBeGreaterThanOrEqual(5);
    const r = parse(m.text);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.model.resources[0]!.sections.find((s) => s.kind === 'net')!.options.map((o) => o.name)).toEqual([
      'verify-alg',
      'fencing',
    ]);
  });
});
