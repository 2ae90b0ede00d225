import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

const messy = '/dev/drbd0   /srv  ocfs2 _netdev,x-systemd.requires=o2cb.service 0 0\n';

/** A tree with an unformatted fstab in `etc/`, and one under `node_modules/` that must stay. */
function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-fmt-paths-'));
  for (const sub of ['etc', 'node_modules/pkg/etc']) {
    mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, sub, 'fstab'), messy);
  }
  return dir;
}

describe('ftkit fmt expands its arguments as lint does', () => {
  it('expands a quoted glob itself and never walks into node_modules', async () => {
    const dir = tree();
    const m = memoryIo(dir);
    expect(await run(['fmt', '--check', '**/fstab'], m.io)).toBe(1);
    expect(m.stdout()).toContain('etc/fstab');
    expect(m.stdout()).not.toContain('node_modules');
    expect(await run(['fmt', '--write', '.'], memoryIo(dir).io)).toBe(0);
    expect(readFileSync(join(dir, 'etc/fstab'), 'utf8')).not.toBe(messy);
    expect(readFileSync(join(dir, 'node_modules/pkg/etc/fstab'), 'utf8')).toBe(messy);
  });

  it('names a path that is neither a file, a directory nor a glob (exit 2)', async () => {
    const m = memoryIo(tree());
    expect(await run(['fmt', 'nope/fstab'], m.io)).toBe(2);
    expect(m.stderr()).toBe('ftkit: Cannot read `nope/fstab`: no such file or directory\n');
  });
});
