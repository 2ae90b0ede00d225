import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultLabSpec,
  generateLab,
  LabSpecCheckedSchema,
  labFiles,
  run,
  splitExecLine,
} from '../src/index.js';
import { memoryIo } from './helpers.js';

const spec = LabSpecCheckedSchema.parse(defaultLabSpec);
const secrets = { secrets: { r0: 'x'.repeat(24) } };

describe('the lab runs ftkit exporter on its DRBD nodes', () => {
  it.each(['8.4', '9'] as const)(
    'writes ftkit-exporter.service for DRBD %s with the matching source',
    (drbdVersion) => {
      const files = labFiles(generateLab(spec, { ...secrets, mode: 'single-primary', drbdVersion }));
      const units = files.filter((f) => f.path.endsWith('/etc/systemd/system/ftkit-exporter.service'));
      const drbdNodes = new Set(
        files.filter((f) => f.path.includes('/etc/drbd.d/')).map((f) => f.path.split('/')[0]),
      );
      expect(new Set(units.map((f) => f.path.split('/')[0]))).toEqual(drbdNodes);
      const exec = /^ExecStart=(.*)$/m.exec(units[0]!.text)![1]!;
      expect(splitExecLine(exec)).toEqual([
        '/usr/local/bin/ftkit',
        'exporter',
        '--listen',
        ':9942',
        '--enums',
        ...(drbdVersion === '9' ? ['--drbdsetup', '/usr/sbin/drbdsetup'] : ['--proc-drbd', '/proc/drbd']),
      ]);
      const runbook = files.find((f) => f.path === 'RUNBOOK.md')!.text;
      const monitoring = runbook.slice(runbook.indexOf('# Monitoring'));
      expect(monitoring).toContain('systemctl enable --now ftkit-exporter.service');
      expect(monitoring).toContain('curl -s http://localhost:9942/metrics');
      expect(monitoring).toContain(
        drbdVersion === '9'
          ? 'drbdsetup status --json | ftkit status --check -'
          : 'ftkit status --check /proc/drbd',
      );
    },
  );

  it('the unit of an 8.4 node runs: its options are the exporter options', async () => {
    const files = labFiles(generateLab(spec, { ...secrets, mode: 'single-primary', drbdVersion: '8.4' }));
    const unit = files.find((f) => f.path.endsWith('ftkit-exporter.service'))!;
    const argv = splitExecLine(/^ExecStart=(.*)$/m.exec(unit.text)![1]!).slice(1);
    const fixture = join(import.meta.dirname, 'e2e/fixtures/proc-drbd.txt');
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-lab-exporter-'));
    const args = [...argv.map((a) => (a === '/proc/drbd' ? fixture : a)), '--textfile', dir, '--once'];
    const m = memoryIo('/');
    expect(await run(args, m.io)).toBe(0);
    const prom = readFileSync(join(dir, 'drbd.prom'), 'utf8');
    expect(prom).toContain('ftkit_exporter_up 1');
    expect(prom).toContain(
      'drbd_device_state{name="drbd0",volume="0",minor="0",drbd_device_state="UpToDate"} 1',
    );
  });
});
