import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLabSpec, generateLab, LabSpecCheckedSchema, labFiles } from '../../src/index.js';
import { bin } from '../e2e/helpers.js';

// systemd-analyze verify accepts the lab's ftkit-exporter.service for DRBD 8.4 and 9. It checks
// that ExecStart's program exists, so /usr/local/bin/ftkit (where the RUNBOOK installs it) is
// replaced by this repository's built `ftkit`; everything else is verified as generated.

describe('ftkit-exporter.service', () => {
  it.each(['8.4', '9'] as const)('systemd-analyze verify accepts the DRBD %s unit', (drbdVersion) => {
    const spec = LabSpecCheckedSchema.parse(defaultLabSpec);
    const files = labFiles(
      generateLab(spec, { secrets: { r0: 'x'.repeat(24) }, mode: 'single-primary', drbdVersion }),
    );
    const unit = files.find((f) => f.path.endsWith('/ftkit-exporter.service'))!;
    expect(unit.text).toContain('ExecStart=/usr/local/bin/ftkit exporter ');
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-exporter-unit-'));
    writeFileSync(join(dir, 'ftkit-exporter.service'), unit.text.replace('/usr/local/bin/ftkit', bin));
    const r = spawnSync('systemd-analyze', ['verify', './ftkit-exporter.service'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
