import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverBin } from './client.js';

// The built bin's command line (the protocol itself: session.e2e.test.ts).
describe('ftkit-language-server', () => {
  const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8'));

  it('prints its version and help, and exits 0', () => {
    const v = spawnSync(serverBin, ['--version'], { encoding: 'utf8' });
    expect({ stdout: v.stdout, stderr: v.stderr, status: v.status }).toEqual({
      stdout: `${version}\n`,
      stderr: '',
      status: 0,
    });
    const h = spawnSync(serverBin, ['--help'], { encoding: 'utf8' });
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/^Usage: ftkit-language-server \[--stdio\]/);
  });

  it('refuses an unknown argument with exit 2', () => {
    const r = spawnSync(serverBin, ['--tcp'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ftkit-language-server: unknown argument `--tcp`/);
  });
});
