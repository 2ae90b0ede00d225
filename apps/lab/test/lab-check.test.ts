import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

async function lab(mode = 'dual-primary') {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-lab-check-'));
  expect(await run(['lab', 'generate', '-o', 'out', '--mode', mode], memoryIo(dir).io)).toBe(0);
  return dir;
}

describe('ftkit lab check', () => {
  it('takes NAME=DIR pairs and reports cross-file findings as JSON and SARIF', async () => {
    const dir = await lab();
    writeFileSync(
      join(dir, 'out/vm2/etc/default/o2cb'),
      'O2CB_ENABLED=true\nO2CB_STACK=o2cb\nO2CB_BOOTCLUSTER=webcluster\n',
    );
    const j = memoryIo(dir);
    expect(await run(['lab', 'check', 'vm1=out/vm1', 'vm2=out/vm2', '-f', 'json'], j.io)).toBe(1);
    const findings = JSON.parse(j.stdout()) as { file: string; ruleId?: string; line: number }[];
    expect(findings).toContainEqual(
      expect.objectContaining({
        file: join('out/vm2/etc/default/o2cb'),
        ruleId: 'o2cb-bootcluster-unknown',
        line: 3,
      }),
    );
    const s = memoryIo(dir);
    expect(await run(['lab', 'check', 'vm1=out/vm1', 'vm2=out/vm2', '-f', 'sarif'], s.io)).toBe(1);
    const sarif = JSON.parse(s.stdout());
    const result = sarif.runs[0].results.find(
      (r: { ruleId: string }) => r.ruleId === 'o2cb-bootcluster-unknown',
    );
    expect(result).toBeDefined();
    expect(
      sarif.runs[0].tool.driver.rules.some(
        (r: { id: string; helpUri: string }) =>
          r.id === 'o2cb-bootcluster-unknown' &&
          r.helpUri === 'https://github.com/ftkit/ftkit/blob/main/docs/rules/lab/o2cb-bootcluster-unknown.md',
      ),
    ).toBe(true);
  });

  it('--rule turns a cross-file rule off', async () => {
    const dir = await lab();
    writeFileSync(join(dir, 'out/vm2/etc/hostname'), 'elsewhere\n');
    expect(await run(['lab', 'check', 'out', '--quiet'], memoryIo(dir).io)).toBe(1);
    const off = memoryIo(dir);
    expect(
      await run(
        [
          'lab',
          'check',
          'out',
          '--rule',
          'hostname-not-in-cluster=off',
          '--rule',
          'hostname-not-in-drbd=off',
          '--rule',
          'node-local-missing=off',
        ],
        off.io,
      ),
      off.stdout(),
    ).toBe(0);
  });

  it('checks a single machine laid out like / (this one) without crashing', async () => {
    const m = memoryIo('/');
    const code = await run(['lab', 'check', '/', '-f', 'json'], m.io);
    expect([0, 1]).toContain(code);
    expect(Array.isArray(JSON.parse(m.stdout()))).toBe(true);
    expect(m.stderr()).toBe('');
  });

  it('says which argument is not a directory', async () => {
    const m = memoryIo('/');
    expect(await run(['lab', 'check', '/definitely/not/here'], m.io)).toBe(2);
    expect(m.stderr()).toBe('ftkit: Cannot read `/definitely/not/here`: not a directory\n');
  });
});
