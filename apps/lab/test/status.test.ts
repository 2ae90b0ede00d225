import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

const fixtures = join(import.meta.dirname, '../../../packages/proc-drbd/test/fixtures');
const fx = (name: string) => join(fixtures, name);

describe('ftkit status', () => {
  it('summarises /proc/drbd with a progress bar and exits 0 without errors', async () => {
    const m = memoryIo('/');
    const code = await run(['status', fx('proc-8.4.11-inkernel-syncsource-synctarget-M-want.txt')], m.io);
    expect(code).toBe(0);
    expect(m.stdout()).toContain('drbd2 Secondary');
    expect(m.stdout()).toContain('volume 0 SyncTarget peer-disk UpToDate out-of-sync 1.3 TiB');
    expect(m.stdout()).toMatch(/resync \[#{6}\.{14}\] 28\.9% 1\.3 TiB left at 98\.1 MiB\/s eta 3:50:39/);
  });

  it('exits 1 on error findings and prints them', async () => {
    const m = memoryIo('/');
    const code = await run(['status', fx('proc-8.4.3-srcversion-dual-primary.txt')], m.io);
    expect(code).toBe(1);
    expect(m.stdout()).toContain(
      '4:1 error Expected one Primary for `drbd1`, found this node and `peer` both Primary dual-primary-unexpected',
    );
    const ok = memoryIo('/');
    expect(
      await run(['status', '--allow-two-primaries', fx('proc-8.4.3-srcversion-dual-primary.txt')], ok.io),
    ).toBe(0);
  });

  it('--source applies to the health checks too, not only to the summary', async () => {
    const m = memoryIo('/');
    const code = await run(
      ['status', '--source', 'status-text', fx('proc-8.4.3-srcversion-dual-primary.txt')],
      m.io,
    );
    // Read as `drbdadm status` text, /proc/drbd has no resource: nothing is Primary twice, and
    // the lines are reported as status text lines rather than as an unknown source.
    expect(m.stdout()).not.toContain('dual-primary-unexpected');
    expect(m.stdout()).toContain('drbd-status/invalid-status-line');
    expect(m.stdout()).not.toContain('unknown-source');
    expect(code).toBe(0);
  });

  it('reads standard input and detects each source', async () => {
    for (const name of [
      'status-json-three-node-paths-tls-open.json',
      'status-text-default-three-node-sync-connecting.txt',
      'events2-now-timestamps-statistics-three-node.txt',
    ]) {
      const m = memoryIo('/', readFileSync(fx(name), 'utf8'));
      expect(await run(['status', '--json', '-'], m.io), name).toBe(0);
      const status = JSON.parse(m.stdout());
      expect(status.resources[0].name).toBe('web');
    }
  });

  it('--prometheus writes drbd-reactor names and units for 8.4', async () => {
    const m = memoryIo('/');
    await run(
      ['status', '--prometheus', '--enums', fx('proc-8.4.2-syncsource-net-congested-flag.txt')],
      m.io,
    );
    const out = m.stdout();
    expect(out).toContain('# TYPE drbd_peerdevice_sent_bytes counter');
    expect(out).toContain(
      'drbd_connection_state{name="drbd5",conn_name="peer",peer_node_id="0",drbd_connection_state="Connected"} 1',
    );
    expect(out).toContain(
      'drbd_peerdevice_sent_bytes{name="drbd5",conn_name="peer",peer_node_id="0",volume="0"} 734199808',
    );
    expect(out).toContain('drbd_connection_congested{name="drbd5",conn_name="peer",peer_node_id="0"} 1');
    expect(out).toContain('ftkit_drbd_resource_unconfigured{name="drbd3"} 1');
    expect(out).toContain(
      'ftkit_drbd_peerdevice_sync_done_ratio{name="drbd5",conn_name="peer",peer_node_id="0",volume="0",kind="resync"} 0.685',
    );
  });

  it('--watch shows rates from counter deltas', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-status-'));
    const file = join(dir, 'drbd');
    const v1 = readFileSync(fx('proc-8.4.6-connected-secondary.txt'), 'utf8');
    writeFileSync(file, v1);
    const m = memoryIo('/');
    const running = run(['status', '--watch', '0.2', '--count', '2', file], m.io);
    await new Promise((r) => setTimeout(r, 50));
    writeFileSync(file, v1.replace('nr:397028104 dw:397028104', 'nr:397130504 dw:397130504'));
    expect(await running).toBe(0);
    const out = m.stdout();
    expect(out.match(/^--- /gm)).toHaveLength(2);
    expect(out).toMatch(/write \d+(\.\d)? MiB\/s/);
    expect(out).toMatch(/receive \d+(\.\d)? MiB\/s/);
  });

  it('explains DRBD 9 /proc/drbd and a missing file', async () => {
    const m = memoryIo('/');
    expect(await run(['status', fx('proc-9.2.8-three-transports.txt')], m.io)).toBe(0);
    expect(m.stdout()).toContain('DRBD 9 lists no devices in /proc/drbd');
    const e = memoryIo('/');
    expect(await run(['status', '/nonexistent/proc/drbd'], e.io)).toBe(2);
    expect(e.stderr()).toBe('ftkit: Cannot read `/nonexistent/proc/drbd`: no such file or directory\n');
  });
});

describe('ftkit events2', () => {
  it('prints the initial state, then each change', async () => {
    const m = memoryIo(
      '/',
      readFileSync(fx('events2-stream-timestamps-statistics-disconnect-resync-down.txt'), 'utf8'),
    );
    expect(await run(['events2'], m.io)).toBe(0);
    const out = m.stdout();
    expect(out.split('\n')[0]).toBe('r0 Primary');
    expect(out).toContain('10:17:03 change connection r0/beta connection:NetworkFailure role:Unknown');
    expect(out).toContain('10:30:20 destroy resource r0');
  });

  it('shows the state read when the input ends before `exists -`, and says so', async () => {
    // hwameistor's test capture (test/fixtures/realworld/SOURCES.md of proc-drbd) has no `exists -`.
    const m = memoryIo('/');
    expect(await run(['events2', fx('realworld/hwameistor-events2-scsivol.txt')], m.io)).toBe(0);
    expect(m.stdout().split('\n')[0]).toBe('scsivol Primary');
    expect(m.stdout()).toContain('drbd-node1');
    expect(m.stderr()).toContain(
      'the input ended before `exists -` (the end of the initial state); shown as read',
    );
  });

  it('skips an unknown object type with a message, never making a connection of it', async () => {
    const m = memoryIo(
      '/',
      'exists resource name:r0 role:Primary\nexists widget name:r0 conn-name:x\nexists -\n',
    );
    expect(await run(['events2'], m.io)).toBe(0);
    expect(m.stdout()).toBe('r0 Primary\n');
    expect(m.stderr()).toBe('-:2: Unknown events2 object `widget` (line skipped)\n');
  });

  it('--json prints one event per line', async () => {
    const m = memoryIo('/');
    expect(
      await run(['events2', '--json', fx('events2-utils-testsuite-helper-call-response.txt')], m.io),
    ).toBe(0);
    const lines = m
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.at(-1)).toEqual({
      timestamp: null,
      action: 'response',
      object: 'helper',
      fields: {
        name: 'some-resource',
        'peer-node-id': '1',
        'conn-name': 'some-peer',
        volume: '0',
        helper: 'before-resync-target',
        status: '1',
      },
    });
  });
});

describe('ftkit lint on status outputs', () => {
  it('detects /proc/drbd and status outputs by content and runs the health checks', async () => {
    const m = memoryIo('/');
    const code = await run(
      [
        'lint',
        '-f',
        'json',
        fx('proc-8.4.11-split-brain-standalone.txt'),
        fx('status-json-diskless-client-quorum-lost-standalone.json'),
      ],
      m.io,
    );
    expect(code).toBe(1);
    const ids = JSON.parse(m.stdout()).map((f: { ruleId?: string }) => f.ruleId);
    expect(ids).toEqual(
      expect.arrayContaining(['split-brain-suspected', 'peer-disk-degraded', 'quorum-lost', 'io-suspended']),
    );
  });
});

describe('ftkit status output', () => {
  it('prints the verbose three-node text as a summary', async () => {
    const m = memoryIo('/');
    expect(await run(['status', fx('status-text-verbose-statistics-three-node-80col.txt')], m.io)).toBe(0);
    expect(m.stdout()).toMatchInlineSnapshot(`
      "web Primary
        volume 0 /dev/drbd1000 disk UpToDate 20.0 GiB
        alpha Connected peer Secondary
          volume 0 Established peer-disk UpToDate
        beta Connecting peer Unknown
          volume 0 Off peer-disk DUnknown out-of-sync 80.0 MiB
        gamma Connected peer Secondary
          volume 0 SyncSource peer-disk Inconsistent out-of-sync 11.3 GiB
            resync [#########...........] 43.8% at 99.8 MiB/s eta 0:01:55

      11:1 warning Expected the peer disk of \`web\` on \`beta\` to be UpToDate, found DUnknown peer-disk-degraded
      "
    `);
  });

  it('colours states when colour is forced', async () => {
    const m = memoryIo('/', '', { NO_COLOR: '', FORCE_COLOR: '1' });
    await run(['status', fx('proc-8.4.11-split-brain-standalone.txt')], m.io);
    expect(m.stdout()).toContain('\x1b[31mStandAlone\x1b[39m');
    expect(m.stdout()).toContain('\x1b[32mUpToDate\x1b[39m');
  });
});

describe('ftkit status options', () => {
  it('--source overrides detection and --watch --json prints one line per reading', async () => {
    const m = memoryIo('/');
    const code = await run(
      [
        'status',
        '--source',
        'status-text',
        '--json',
        '--watch',
        '0.05',
        '--count',
        '2',
        fx('status-text-standalone-peer.txt'),
      ],
      m.io,
    );
    expect(code).toBe(0);
    const lines = m.stdout().trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!).source).toBe('status-text');
    const bad = memoryIo('/');
    expect(await run(['status', '--watch', '0', fx('status-text-standalone-peer.txt')], bad.io)).toBe(2);
    expect(bad.stderr()).toBe('ftkit: Invalid --watch: expected a number of seconds above 0\n');
  });
});
