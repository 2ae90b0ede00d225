import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

const procFixtures = join(import.meta.dirname, '../../../packages/proc-drbd/test/fixtures');

/** A directory with a dual-primary /proc/drbd and a drbd.conf resource. */
function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-lint-options-'));
  mkdirSync(join(dir, 'proc'));
  copyFileSync(join(procFixtures, 'proc-8.4.3-srcversion-dual-primary.txt'), join(dir, 'proc/drbd'));
  copyFileSync(join(import.meta.dirname, 'e2e/fixtures/minimal.res'), join(dir, 'minimal.res'));
  return dir;
}

describe('ftkit lint hands each format only its own --rule ids and --set settings', () => {
  it('a rule id or setting of another format does not stop proc-drbd, and its own ones apply', async () => {
    const dir = tree();
    const m = memoryIo(dir);
    const code = await run(
      [
        'lint',
        '--rule',
        'address-loopback=off',
        '--rule',
        'dual-primary-unexpected=off',
        '--set',
        'hostname=alice',
        '--drbd-version',
        '9',
        'proc/drbd',
        'minimal.res',
      ],
      m.io,
    );
    expect(m.stderr()).toBe('');
    expect(m.stdout()).not.toContain('dual-primary-unexpected');
    expect(m.stdout()).toContain('minimal.res');
    expect(code).toBe(0);
  });

  it('allowTwoPrimaries: true or a list of names is honoured, another value is a usage error', async () => {
    const dir = tree();
    const plain = memoryIo(dir);
    expect(await run(['lint', 'proc/drbd'], plain.io)).toBe(1);
    expect(plain.stdout()).toContain('dual-primary-unexpected');
    for (const value of ['true', '["drbd1"]']) {
      const m = memoryIo(dir);
      expect(await run(['lint', '--set', `allowTwoPrimaries=${value}`, 'proc/drbd'], m.io)).toBe(0);
      expect(m.stdout()).not.toContain('dual-primary-unexpected');
    }
    const bad = memoryIo(dir);
    expect(await run(['lint', '--set', 'allowTwoPrimaries=drbd1', 'proc/drbd'], bad.io)).toBe(2);
    expect(bad.stderr()).toContain(
      'Invalid --set `allowTwoPrimaries`: `allowTwoPrimaries` must be true, false or a list of strings, not "drbd1"',
    );
  });
});
