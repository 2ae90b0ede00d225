import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkLab,
  defaultLabSpec,
  formats,
  generateLab,
  LabSpecCheckedSchema,
  labFiles,
  readLabArgs,
  run,
} from '../src/index.js';
import { labFormats } from '../src/lab/formats.js';
import { writeLab } from '../src/lab/generate/write.js';
import { memoryIo } from './helpers.js';

function tmp() {
  return mkdtempSync(join(tmpdir(), 'ftkit-lab-'));
}

function walk(dir: string, out: string[] = [], base = dir): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out, base);
    else out.push(p.slice(base.length + 1));
  }
  return out.sort();
}

const spec = LabSpecCheckedSchema.parse(defaultLabSpec);
const key = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC3BAcyDqFEIM2wf44vO5TMXlQCbBqaoV61geNQj6R/x';

describe('ftkit lab generate', () => {
  for (const mode of ['single-primary', 'dual-primary'] as const) {
    it(`lints its output (${mode}) with the formats it writes exactly as lab check does with every format`, () => {
      const generated = generateLab(spec, { mode });
      const dir = tmp();
      writeLab(join(dir, 'lab-out'), generated, { force: false, dryRun: false });
      const read = readLabArgs(['lab-out'], dir);
      const all = checkLab(read, { formats });
      const own = checkLab(read, { formats: labFormats });
      expect(own.files.map((f) => [f.file, f.diagnostics])).toEqual(
        all.files.map((f) => [f.file, f.diagnostics]),
      );
      // Not vacuous: the lab's own formats do lint the files (a broken file is reported).
      const phase = read.phases[0]!;
      const drbd = phase.nodes[0]!.files.find((f) => f.rel.endsWith('.res'))!;
      const nodes = phase.nodes.map((t) => ({
        ...t,
        files: t.files.map((f) =>
          f === drbd ? { ...f, text: f.text.replace('protocol C;', 'protocol X;') } : f,
        ),
      }));
      const broken = { ...read, phases: [{ ...phase, nodes }] };
      expect(checkLab(broken, { formats: labFormats }).files.flatMap((f) => f.diagnostics)).toContainEqual(
        expect.objectContaining({ severity: 'error', source: '@ftkit/drbd-conf' }),
      );
    });
  }

  for (const mode of ['single-primary', 'dual-primary'] as const) {
    for (const drbdVersion of ['9', '8.4'] as const) {
      it(`writes the default lab (${mode}, DRBD ${drbdVersion}) with no errors and lab check agrees`, async () => {
        const dir = tmp();
        const m = memoryIo(dir);
        expect(
          await run(
            ['lab', 'generate', '--out', 'lab-out', '--mode', mode, '--drbd-version', drbdVersion],
            m.io,
          ),
        ).toBe(0);
        expect(m.stderr()).toBe('');
        expect(m.stdout()).toContain('Read next: lab-out/RUNBOOK.md');
        const files = walk(join(dir, 'lab-out'));
        expect(files).toContain('vm1/etc/drbd.d/r0.res');
        expect(files).toContain('vm2/etc/drbd.d/r0.res');
        expect(files).toContain('vm1/home/borg/.ssh/authorized_keys');
        expect(files).toContain('vm2/etc/systemd/system/borg-check.timer');
        expect(files.includes('vm2/etc/ocfs2/cluster.conf')).toBe(mode === 'dual-primary');
        // The standby has the `noauto` entry too, for failover.
        expect(files).toContain('vm2/etc/fstab.d/ftkit-lab.fstab');
        expect(files).toContain('vm1/etc/fstab.d/ftkit-lab.fstab');
        expect(statSync(join(dir, 'lab-out/vm1/home/borg/.ssh/authorized_keys')).mode & 0o777).toBe(0o600);
        const c = memoryIo(dir);
        expect(await run(['lab', 'check', 'lab-out', '--quiet', '--drbd-version', drbdVersion], c.io)).toBe(
          0,
        );
        const checked = checkLab(readLabArgs(['lab-out'], dir), { drbdVersion });
        expect(checked.files.flatMap((f) => f.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
      });
    }
  }

  it('checkLab checks a two-phase lab phase by phase, naming files under `dir`', () => {
    const lab = generateLab(spec, { secrets: { r0: 'x'.repeat(24) } });
    expect(lab.phases.map((p) => p.dir)).toEqual(['phase-1-single-primary', 'phase-2-dual-primary']);
    const checked = checkLab(lab, { formats: labFormats, dir: 'lab-out' });
    expect(checked.facts).toHaveLength(2);
    expect(checked.files.flatMap((f) => f.diagnostics).filter((d) => d.severity === 'error')).toEqual([]);
    const names = checked.files.map((f) => f.file);
    expect(names).toContain('lab-out/phase-1-single-primary/vm1/etc/drbd.d/r0.res');
    expect(names).toContain('lab-out/phase-2-dual-primary/vm1/etc/ocfs2/cluster.conf');
    // Each phase with the lab's one RUNBOOK.md.
    expect(names.filter((n) => n === 'lab-out/RUNBOOK.md')).toHaveLength(2);
    // Phase 1's ext4 next to phase 2's dual-primary DRBD would be an error if the phases mixed.
    const mixed = checkLab({
      files: lab.files,
      phases: [{ ...lab.phases[0]!, nodes: lab.phases.flatMap((p) => p.nodes) }],
    });
    expect(mixed.files.flatMap((f) => f.diagnostics).some((d) => d.severity === 'error')).toBe(true);
  });

  it('is deterministic', () => {
    const a = generateLab(spec, { mode: 'dual-primary' });
    const b = generateLab(structuredClone(spec), { mode: 'dual-primary' });
    const tree = (g: typeof a) => ({ files: g.files, phases: g.phases.map(({ plan: _, ...p }) => p) });
    expect(tree(b)).toEqual(tree(a));
    // In the order lab check reads a written lab: nodes and each node's files sorted.
    const nodes = a.phases[0]!.nodes;
    expect(nodes.map((n) => n.node)).toEqual([...nodes.map((n) => n.node)].sort());
    for (const n of nodes) expect(n.files.map((f) => f.path)).toEqual([...n.files.map((f) => f.path)].sort());
  });

  it('refuses to overwrite differing files without --force, shows diffs with --dry-run, leaves no temp files', async () => {
    const dir = tmp();
    const single = ['lab', 'generate', '-o', 'out', '--mode', 'single-primary'];
    expect(await run(single, memoryIo(dir).io)).toBe(0);
    const again = memoryIo(dir);
    expect(await run(single, again.io)).toBe(0);
    expect(again.stdout()).toContain('= out/vm1/etc/drbd.d/r0.res');
    const res = join(dir, 'out/vm1/etc/drbd.d/r0.res');
    writeFileSync(res, '# edited by hand\n');
    const hostname = join(dir, 'out/vm1/etc/hostname');
    writeFileSync(hostname, 'changed\n');
    const conflict = memoryIo(dir);
    expect(await run(['lab', 'generate', '-o', 'out', '--mode', 'dual-primary'], conflict.io)).toBe(2);
    expect(conflict.stdout()).toContain('! out/vm1/etc/drbd.d/r0.res  (exists and differs)');
    expect(conflict.stderr()).toContain('nothing was written');
    // All or nothing: the new OCFS2 files were not written either.
    expect(existsSync(join(dir, 'out/vm1/etc/ocfs2/cluster.conf'))).toBe(false);
    const dry = memoryIo(dir);
    expect(await run([...single, '--dry-run', '--force'], dry.io)).toBe(0);
    expect(dry.stdout()).toContain('-# edited by hand');
    expect(dry.stdout()).toContain('+resource r0 {');
    expect(readFileSync(res, 'utf8')).toBe('# edited by hand\n');
    expect(await run([...single, '--force'], memoryIo(dir).io)).toBe(0);
    expect(readFileSync(res, 'utf8')).toContain('resource r0 {');
    expect(readFileSync(hostname, 'utf8')).toBe('vm1\n');
    expect(walk(join(dir, 'out')).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('the default is the original lab: both phases, DRBD 8.4, and its own lab check passes', async () => {
    const dir = tmp();
    const g = memoryIo(dir);
    expect(await run(['lab', 'generate', '-o', 'lab-out'], g.io)).toBe(0);
    expect(g.stdout()).toContain('(single-primary then dual-primary, ubuntu-20.04, DRBD 8.4, 2 nodes');
    expect(g.stdout()).toContain('Check it:  ftkit lab check --drbd-version 8.4 lab-out');
    const files = walk(join(dir, 'lab-out'));
    expect(files).toContain('phase-1-single-primary/vm1/etc/drbd.d/r0.res');
    expect(files).toContain('phase-2-dual-primary/vm2/etc/ocfs2/cluster.conf');
    expect(files.some((f) => f.startsWith('phase-1-single-primary/vm2/etc/ocfs2'))).toBe(false);
    const settings = JSON.parse(readFileSync(join(dir, 'lab-out/ftkit-lab.json'), 'utf8'));
    expect(settings).toEqual({
      platform: 'ubuntu-20.04',
      drbdVersion: '8.4',
      borgVersion: '1.1',
      phases: ['phase-1-single-primary', 'phase-2-dual-primary'],
    });
    const res1 = readFileSync(join(dir, 'lab-out/phase-2-dual-primary/vm1/etc/drbd.d/r0.res'), 'utf8');
    expect(res1).toContain('become-primary-on both;');
    expect(res1).not.toMatch(/fencing|crm-fence-peer/);
    // The runbook's own check command, as written, passes (the settings file gives borg 1.1).
    const runbook = readFileSync(join(dir, 'lab-out/RUNBOOK.md'), 'utf8');
    const line = /^ftkit (lab check .*)$/m.exec(runbook)![1]!;
    expect(line).toBe('lab check --drbd-version 8.4 lab-out');
    const c = memoryIo(dir);
    expect(await run(line.split(' '), c.io)).toBe(0);
    expect(c.stdout()).toContain('phase-2-dual-primary/vm1/etc/drbd.d/r0.res');
    expect(c.stdout()).not.toMatch(/\berror\b/);
    // One phase directory is read with the lab's settings too.
    const phase = memoryIo(dir);
    expect(await run(['lab', 'check', 'lab-out/phase-1-single-primary'], phase.io)).toBe(0);
    expect(phase.stdout()).not.toContain('Missing `borg compact`');
    // Without the settings file, the borg 1.1 prune without compact is reported: the settings matter.
    rmSync(join(dir, 'lab-out/ftkit-lab.json'));
    const bare = memoryIo(dir);
    await run(['lab', 'check', '--drbd-version', '8.4', 'lab-out/phase-1-single-primary'], bare.io);
    expect(bare.stdout()).toContain('Missing `borg compact`');
  });

  it('keeps the DRBD shared secret across runs, writes it 0600 and never prints it', async () => {
    const dir = tmp();
    const gen = ['lab', 'generate', '-o', 'out', '--mode', 'single-primary'];
    expect(await run(gen, memoryIo(dir).io)).toBe(0);
    const file = join(dir, 'out/vm1/etc/drbd.d/r0.res');
    const secret = /shared-secret "?([^";]+)"?;/.exec(readFileSync(file, 'utf8'))![1]!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'out/vm2/etc/drbd.d/r0.res'), 'utf8')).toContain(secret);
    const again = memoryIo(dir);
    expect(await run(gen, again.io)).toBe(0);
    expect(again.stdout()).toContain('= out/vm1/etc/drbd.d/r0.res');
    // A dry run of the mode change shows the diff of the resource file without the secret.
    const dry = memoryIo(dir);
    expect(await run(['lab', 'generate', '-o', 'out', '--mode', 'dual-primary', '--dry-run'], dry.io)).toBe(
      0,
    );
    expect(dry.stdout()).toContain('+        allow-two-primaries yes;');
    expect(dry.stdout()).toContain('shared-secret «redacted»;');
    expect(`${dry.stdout()}${dry.stderr()}`).not.toContain(secret);
    // lab check's code frames print the lines around a finding: the secret line is redacted.
    expect(await run(['lab', 'generate', '-o', 'out', '--mode', 'dual-primary'], memoryIo(dir).io)).toBe(0);
    const check = memoryIo(dir);
    expect(await run(['lab', 'check', 'out'], check.io)).toBe(0);
    expect(check.stdout()).toContain('shared-secret «redacted»;');
    expect(`${check.stdout()}${check.stderr()}`).not.toContain(secret);
  });

  it('never prints the secret of a DRBD file already in the output (reliability repro)', async () => {
    const repro = readFileSync(join(import.meta.dirname, 'fixtures/secret-code-frame.res'), 'utf8');
    for (const [secret, text] of [
      ['Zx9SECRETqv7Lm2w', repro],
      // A secret the generator would not reuse: it shows only in the diff's `-` line.
      ['old secret with spaces', repro.replace('Zx9SECRETqv7Lm2w', 'old secret with spaces')],
    ] as const) {
      const dir = tmp();
      const gen = ['lab', 'generate', '-o', 'out', '--mode', 'single-primary'];
      expect(await run(gen, memoryIo(dir).io)).toBe(0);
      writeFileSync(join(dir, 'out/vm1/etc/drbd.d/r0.res'), text);
      const dry = memoryIo(dir);
      await run([...gen, '--dry-run'], dry.io);
      expect(dry.stdout()).toContain('vm1/etc/drbd.d/r0.res');
      expect(`${dry.stdout()}${dry.stderr()}`).not.toContain(secret);
      const check = memoryIo(dir);
      await run(['lab', 'check', 'out'], check.io);
      expect(check.stdout()).toContain('out/vm1/etc/drbd.d/r0.res');
      expect(`${check.stdout()}${check.stderr()}`).not.toContain(secret);
    }
  });

  it('gives each backup client its own repository, restricted to it', () => {
    const lab = generateLab(
      LabSpecCheckedSchema.parse({
        ...defaultLabSpec,
        nodes: [...defaultLabSpec.nodes, { name: 'vm3', address: '10.1.1.93' }],
        mode: 'single-primary',
        drbdPackages: 'linbit',
        resources: [{ ...defaultLabSpec.resources[0]!, nodes: ['vm1', 'vm2'] }],
        backup: {
          ...defaultLabSpec.backup!,
          clients: [
            defaultLabSpec.backup!.clients[0]!,
            { ...defaultLabSpec.backup!.clients[0]!, node: 'vm3', publicKey: `${key} root@vm3` },
          ],
        },
      }),
    );
    const text = (path: string) => labFiles(lab).find((f) => f.path === path)!.text;
    const keys = text('vm1/home/borg/.ssh/authorized_keys').trim().split('\n');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toContain('--restrict-to-path /home/borg/BackupRepo-vm2');
    expect(keys[0]).toContain('root@vm2');
    expect(keys[1]).toContain('--restrict-to-path /home/borg/BackupRepo-vm3');
    expect(text('vm2/etc/systemd/system/borg-backup.service')).toContain('/home/borg/BackupRepo-vm2::');
    expect(text('vm3/etc/systemd/system/borg-backup.service')).toContain('/home/borg/BackupRepo-vm3::');
    const inits = [...text('RUNBOOK.md').matchAll(/^borg init .*$/gm)].map((m) => m[0]);
    expect(inits).toEqual([
      'borg init --encryption=repokey ssh://borg@10.1.1.61/home/borg/BackupRepo-vm2',
      'borg init --encryption=repokey ssh://borg@10.1.1.61/home/borg/BackupRepo-vm3',
    ]);
  });

  it('removes the files of another mode and lists them', async () => {
    const dir = tmp();
    const gen = (...more: string[]) => ['lab', 'generate', '-o', 'out', ...more];
    expect(await run(gen('--mode', 'dual-primary'), memoryIo(dir).io)).toBe(0);
    expect(existsSync(join(dir, 'out/vm1/etc/ocfs2/cluster.conf'))).toBe(true);
    const back = memoryIo(dir);
    expect(await run(gen('--mode', 'single-primary'), back.io)).toBe(0);
    expect(back.stdout()).toContain(
      '- out/vm1/etc/ocfs2/cluster.conf  (generated by an earlier run, not by this one)',
    );
    expect(existsSync(join(dir, 'out/vm1/etc/ocfs2/cluster.conf'))).toBe(false);
    expect(existsSync(join(dir, 'out/vm2/etc/default/o2cb'))).toBe(false);
    // The directories only the other mode used are gone too.
    expect(existsSync(join(dir, 'out/vm1/etc/ocfs2'))).toBe(false);
    expect(existsSync(join(dir, 'out/vm1/etc/drbd.d'))).toBe(true);
    // The two-phase default replaces the flat trees with phase directories: nothing flat is left.
    const phased = memoryIo(dir);
    expect(await run(gen(), phased.io)).toBe(0);
    expect(phased.stdout()).toContain('- out/vm1/etc/drbd.d/r0.res');
    expect(walk(join(dir, 'out')).filter((f) => f.startsWith('vm'))).toEqual([]);
    expect(existsSync(join(dir, 'out/vm1'))).toBe(false);
    expect(existsSync(join(dir, 'out/phase-2-dual-primary/vm2/etc/ocfs2/cluster.conf'))).toBe(true);
    // A stale file edited by hand is not removed silently.
    writeFileSync(join(dir, 'out/phase-2-dual-primary/vm1/etc/ocfs2/cluster.conf'), '# mine\n');
    const refused = memoryIo(dir);
    expect(await run(gen('--mode', 'single-primary'), refused.io)).toBe(2);
    expect(refused.stdout()).toContain(
      '! out/phase-2-dual-primary/vm1/etc/ocfs2/cluster.conf  (generated by an earlier run and edited since)',
    );
    expect(existsSync(join(dir, 'out/vm1/etc/hostname'))).toBe(false);
  });

  it('a lab written before manifests: files of another mode are listed and refused, removed with --force', async () => {
    const dir = tmp();
    const gen = (...more: string[]) => ['lab', 'generate', '-o', 'out', ...more];
    expect(await run(gen('--mode', 'dual-primary'), memoryIo(dir).io)).toBe(0);
    rmSync(join(dir, 'out/.ftkit-lab-manifest.json'));
    const refused = memoryIo(dir);
    expect(await run(gen('--mode', 'single-primary'), refused.io)).toBe(2);
    expect(refused.stdout()).toContain(
      '! out/vm1/etc/ocfs2/cluster.conf  (in a lab written without a manifest, not generated by this run)',
    );
    expect(existsSync(join(dir, 'out/vm1/etc/ocfs2/cluster.conf'))).toBe(true);
    const forced = memoryIo(dir);
    expect(await run(gen('--mode', 'single-primary', '--force'), forced.io)).toBe(0);
    expect(forced.stdout()).toContain('- out/vm2/etc/default/o2cb');
    expect(existsSync(join(dir, 'out/vm1/etc/ocfs2/cluster.conf'))).toBe(false);
    expect(existsSync(join(dir, 'out/vm1/etc/hostname'))).toBe(true);
  });

  it('never writes through a symlink that leaves --out, and removes the temp files of a crashed run', async () => {
    const dir = tmp();
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'victim'), 'precious\n');
    const gen = ['lab', 'generate', '-o', 'out', '--mode', 'single-primary'];
    // A symlinked subdirectory that leaves --out.
    mkdirSync(join(dir, 'out/vm1'), { recursive: true });
    symlinkSync(outside, join(dir, 'out/vm1/etc'));
    const m = memoryIo(dir);
    expect(await run([...gen, '--force'], m.io)).toBe(2);
    expect(m.stdout()).toContain(
      '! out/vm1/etc/hostname  (`vm1/etc` is a symlink that leaves the output directory)',
    );
    expect(readdirSync(outside)).toEqual(['victim']);
    rmSync(join(dir, 'out'), { recursive: true });
    // A symlink at a file the lab writes, pointing outside: refused even with --force.
    mkdirSync(join(dir, 'out/vm1/etc'), { recursive: true });
    symlinkSync(join(outside, 'victim'), join(dir, 'out/vm1/etc/hostname'));
    const link = memoryIo(dir);
    expect(await run([...gen, '--force'], link.io)).toBe(2);
    expect(link.stdout()).toContain('! out/vm1/etc/hostname  (a symlink is in the way)');
    expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('precious\n');
    rmSync(join(dir, 'out/vm1/etc/hostname'));
    // A symlink at a temp name of the old, predictable scheme (a crashed run's leftovers): removed,
    // never followed.
    const stale = join(dir, 'out/vm1/etc/.hostname.ftkit-4242.tmp');
    symlinkSync(join(outside, 'victim'), stale);
    writeFileSync(join(dir, 'out/vm1/etc/.r0.res.ftkit-0a1b2c3d4e5f6071.tmp'), 'half a file');
    expect(await run(gen, memoryIo(dir).io)).toBe(0);
    expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe('precious\n');
    expect(readFileSync(join(dir, 'out/vm1/etc/hostname'), 'utf8')).toBe('vm1\n');
    expect(walk(join(dir, 'out')).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('checks --mode and --drbd-version with the spec: impossible ones at the spec line, nothing written', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'lab.yaml'),
      'nodes:\n  - {name: a, address: 10.0.0.1}\n  - {name: b, address: 10.0.0.2}\n  - {name: c, address: 10.0.0.3}\ndrbdPackages: linbit\n',
    );
    const dual = memoryIo(dir);
    expect(await run(['lab', 'generate', 'lab.yaml', '-o', 'out', '--mode', 'dual-primary'], dual.io)).toBe(
      1,
    );
    expect(dual.stdout()).toMatch(
      /1:1 +error +Expected two nodes on resource `r0` in dual-primary mode, found 3: DRBD allows at most two primaries/,
    );
    const v84 = memoryIo(dir);
    expect(await run(['lab', 'generate', 'lab.yaml', '-o', 'out', '--drbd-version', '8.4'], v84.io)).toBe(1);
    expect(v84.stdout()).toContain('Expected at most two nodes with DRBD 8.4, found 3');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    // On the built-in lab, --drbd-version 9 means LINBIT's packages: the runbook installs them.
    const nine = memoryIo(dir);
    expect(await run(['lab', 'generate', '-o', 'out', '--drbd-version', '9'], nine.io)).toBe(0);
    const runbook = readFileSync(join(dir, 'out/RUNBOOK.md'), 'utf8');
    expect(runbook).toContain('add-apt-repository -y ppa:linbit/linbit-drbd9-stack');
    expect(runbook).toContain('apt-get install -y drbd-utils drbd-dkms ocfs2-tools borgbackup');
  });

  it('reports spec errors at the spec line and writes nothing', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'lab.yaml'),
      'nodes:\n  - name: vm1\n    address: 10.1.1.61\n  - name: vm2\n    adress: 10.1.1.92\n',
    );
    const m = memoryIo(dir);
    expect(await run(['lab', 'generate', 'lab.yaml', '-o', 'out'], m.io)).toBe(1);
    expect(m.stdout()).toContain('lab.yaml');
    expect(m.stdout()).toMatch(/4:5 +error +Missing `address` at `nodes\[1\].address`/);
    expect(m.stdout()).toMatch(/5:5 +error +Unknown key `adress`: did you mean `address`\?/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('prints the JSON Schema', async () => {
    const m = memoryIo('/');
    expect(await run(['lab', 'schema'], m.io)).toBe(0);
    expect(JSON.parse(m.stdout()).properties.nodes.type).toBe('array');
  });
});
