import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/index.js';
import { fixtures as e2eFixtures, nodesUnderTest, ftkit as shipped, tempDir } from '../e2e/helpers.js';
import { memoryIo } from '../helpers.js';

// Every exposition ftkit writes goes through `promtool check metrics` (Debian's prometheus
// package): `ftkit status --prometheus` over every status fixture of @ftkit/proc-drbd (all four
// sources), with and without --enums, and the exporter's own output (textfile of the built binary).
// promtool exits 1 on a format error and 3 on naming-convention findings; the only findings
// allowed are drbd-reactor's two counters without `_total`, kept so its dashboards work.

const fixtures = join(import.meta.dirname, '../../../../packages/proc-drbd/test/fixtures');
const cases = readdirSync(fixtures).filter((f) => f.endsWith('.txt') || f.endsWith('.json'));
const allowed = new Set([
  'drbd_peerdevice_received_bytes counter metrics should have "_total" suffix',
  'drbd_peerdevice_sent_bytes counter metrics should have "_total" suffix',
]);

function promtool(text: string) {
  const r = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (r.error) throw r.error;
  const findings = `${r.stdout}${r.stderr}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return { code: r.status, findings };
}

function expectAccepted(text: string) {
  const { code, findings } = promtool(text);
  expect(findings.filter((f) => !allowed.has(f))).toEqual([]);
  expect(code === 0 || code === 3).toBe(true);
}

describe('promtool check metrics', () => {
  it('accepts a clean exposition and rejects a broken one', () => {
    // the check can fail: a sample line with a bad value is a format error (exit 1)
    expect(promtool('# TYPE x gauge\nx{a="b"} not-a-number\n').code).toBe(1);
    expect(promtool('# HELP x_total Things.\n# TYPE x_total counter\nx_total 1\n')).toEqual({
      code: 0,
      findings: [],
    });
  });

  it.each(cases)('accepts ftkit status --prometheus --enums of %s', async (name) => {
    for (const args of [['--prometheus', '--enums'], ['--prometheus']]) {
      const m = memoryIo('/');
      await run(['status', ...args, join(fixtures, name)], m.io);
      expect(m.stdout()).toContain('drbd_version');
      expectAccepted(m.stdout());
    }
  });

  it('accepts the exporter textfile of the built binary (8.3 and 8.4 /proc/drbd)', () => {
    const node = nodesUnderTest()[0]!;
    for (const file of ['proc-drbd-83.txt', 'proc-drbd.txt']) {
      const dir = tempDir('ftkit-promtool-');
      const r = shipped(node, [
        'exporter',
        '--textfile',
        dir,
        '--once',
        '--enums',
        '--proc-drbd',
        join(e2eFixtures, file),
      ]);
      expect(r.code).toBe(0);
      const text = readFileSync(join(dir, 'drbd.prom'), 'utf8');
      expect(text).toContain('ftkit_exporter_up 1');
      expectAccepted(text);
    }
  });
});
