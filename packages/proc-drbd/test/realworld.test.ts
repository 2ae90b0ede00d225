import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnosticLine } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { detectStatusSource, lint, parse, parseProcDrbdCst, printProcDrbd } from '../src/index.js';

// /proc/drbd copies, `drbdadm status` / `drbdsetup status` text and JSON, and events2 captures
// nobody on this project wrote (LINBIT's guides, monitoring plugins' tests, how-tos; some mangled
// by the web page they were pasted into). SOURCES.md there names each origin.

const dir = join(import.meta.dirname, 'fixtures', 'realworld');
const samples = readdirSync(dir)
  .filter((f) => f !== 'SOURCES.md')
  .sort();
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('real DRBD status samples', () => {
  it('has a source for every sample', () => {
    const sources = read('SOURCES.md');
    for (const f of samples) expect(sources, f).toContain(`\`${f}\``);
    expect(samples.length).toBe(29);
  });

  it.each(samples.filter((f) => detectStatusSource(read(f)) === 'proc-drbd'))(
    '%s prints losslessly',
    (name) => {
      expect(printProcDrbd(parseProcDrbdCst(read(name)))).toBe(read(name));
    },
  );

  it('reads as the snapshot shows: source, resources, diagnostics and health findings', async () => {
    const out: string[] = [];
    for (const name of samples) {
      const text = read(name);
      const r = parse(text, { fileName: name });
      out.push(`## ${name} (${r.source ?? 'unknown'})`);
      for (const res of r.model.resources) {
        const disks = res.devices.map((d) => `${d.volume}:${d.disk}`).join(' ');
        const peers = res.connections
          .map((c) => `${c.name}:${c.state}/${c.peerRole}[${c.peerDevices.map((p) => p.peerDisk).join(' ')}]`)
          .join(' ');
        out.push(`resource ${res.name} ${res.role} ${disks} ${peers}`.trimEnd());
      }
      // lint gives the read diagnostics plus the health findings, sorted.
      out.push(...lint(text, { fileName: name }).diagnostics.map(formatDiagnosticLine));
    }
    await expect(`${out.join('\n')}\n`).toMatchFileSnapshot('__snapshots__/realworld.status.txt');
  });
});

describe('what real copies need', () => {
  it('reads counter lines that lost their indentation, with a warning', () => {
    const r = parse(read('gh-20095200172-8.4.5-standalone-mangled.txt'));
    expect(r.proc?.devices.map((d) => [d.minor, d.cs, d.counters?.oos])).toEqual([
      [0, 'StandAlone', 1048508],
    ]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['drbd-status/unindented-line']);
  });

  it('reads `disk:` under a peer (drbd-utils before 8.9) as the peer disk', () => {
    const r = parse(read('linbitdoc-ug9-drbdadm-status.txt'));
    expect(r.diagnostics).toEqual([]);
    const home = r.model.resources[0]!;
    expect(home.connections.map((c) => [c.name, c.peerDevices.map((p) => p.peerDisk)])).toEqual([
      ['nina', ['UpToDate']],
      ['nino', ['UpToDate']],
      ['nono', []],
    ]);
  });

  it('joins events2 lines a document broke for readability to the event above', () => {
    const r = parse(read('linbitdoc-ug9-events2-statistics-docwrapped.txt'));
    const peer = r.model.resources[0]!.connections[0]!;
    expect([peer.peerRole, peer.peerDevices.map((p) => [p.replication, p.peerDisk, p.sentBytes])]).toEqual([
      'Secondary',
      [
        ['Established', 'UpToDate', 131844 * 1024],
        ['Established', 'UpToDate', 6634548 * 1024],
      ],
    ]);
    expect(
      lint(read('linbitdoc-ug9-events2-statistics-docwrapped.txt')).diagnostics.filter((d) => d.ruleId),
    ).toEqual([]);
  });

  it('skips an events2 object type it does not know, with a warning', () => {
    const r = parse('exists resource name:r0 role:Primary\nexists widget name:r0 conn-name:x\nexists -\n');
    expect(r.model.resources[0]!.connections).toEqual([]);
    expect(r.diagnostics.map(formatDiagnosticLine)).toEqual([
      '2:1-2:34 warning drbd-status/invalid-event-line Unknown events2 object `widget` (line skipped)',
    ]);
  });
});
