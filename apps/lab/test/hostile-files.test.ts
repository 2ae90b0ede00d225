import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliIo, run } from '../src/index.js';
import { memoryIo } from './helpers.js';

const res = `resource r0 {
  on alice { device /dev/drbd0; disk /dev/sdb; address 10.1.1.31:7789; meta-disk internal; }
  on bob { device /dev/drbd0; disk /dev/sdb; address 10.1.1.32:7789; meta-disk internal; }
}
`;

describe('special files are refused, not read (issue 13 item 11)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-special-cli-'));
  execFileSync('mkfifo', [join(dir, 'f.res')]);
  const refused = 'not a regular file (a FIFO, socket or device); pipe it to standard input as `-` instead';
  // Every command that takes a FILE: a FIFO without a writer used to block six of them forever.
  const commands = [
    ['lint', 'f.res'],
    ['fmt', '--kind', 'drbd-conf', 'f.res'],
    ['drbd', 'dump', '--host', 'alice', 'f.res'],
    ['drbd', 'migrate', '--to', '9', 'f.res'],
    ['status', 'f.res'],
    ['events2', 'f.res'],
    ['borg', 'validate', 'f.res'],
    ['borg', 'items', 'f.res'],
    ['borg', 'log', 'f.res'],
    ['borg', 'prune-plan', '--keep-daily', '7', 'f.res'],
    ['ocfs2', 'list-cluster', 'f.res', 'c'],
  ];
  it.each(commands.map((c) => [c.join(' '), c] as const))(
    '%s exits 2 at once on a FIFO',
    async (_n, args) => {
      const m = memoryIo(dir);
      const t0 = performance.now();
      expect(await run([...args], m.io)).toBe(2);
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(m.stderr()).toBe(`ftkit: Cannot read \`f.res\`: ${refused}\n`);
    },
  );

  it('lint /dev/zero is refused instead of read without end', async () => {
    const m = memoryIo(dir);
    expect(await run(['lint', '--kind', 'drbd-conf', '/dev/zero'], m.io)).toBe(2);
    expect(m.stderr()).toBe(`ftkit: Cannot read \`/dev/zero\`: ${refused}\n`);
  });

  it('skips special files met while walking a directory', async () => {
    const walk = mkdtempSync(join(tmpdir(), 'ftkit-walk-'));
    execFileSync('mkfifo', [join(walk, 'pipe.res')]);
    writeFileSync(join(walk, 'r0.res'), res);
    const m = memoryIo(walk);
    expect(await run(['lint', '.'], m.io)).toBe(0);
    expect(m.stderr()).toBe('');
  });
});

describe('includes stay inside the file’s directory by default (issue 13 item 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ftkit-root-cli-'));
  mkdirSync(join(dir, 'lab'));
  writeFileSync(join(dir, 'outside.res'), 'resource leak { TOKEN_FROM_OUTSIDE_42 }\n');
  writeFileSync(join(dir, 'lab/main.res'), 'include "/proc/self/environ";\ninclude "../outside.res";\n');
  const path = process.env.PATH ?? '';

  it('lint --code-frame names the refused includes and prints nothing of them', async () => {
    const m = memoryIo(dir);
    expect(await run(['lint', '--code-frame', 'lab/main.res'], m.io)).toBe(1);
    const out = m.stdout();
    expect(out).toContain(
      `Include \`/proc/self/environ\` points outside the allowed root \`${join(dir, 'lab')}\``,
    );
    expect(out).toContain(
      `Include \`../outside.res\` points outside the allowed root \`${join(dir, 'lab')}\``,
    );
    expect(out).not.toContain('TOKEN_FROM_OUTSIDE_42');
    expect(path.length).toBeGreaterThan(0);
    expect(out).not.toContain(path);
  });

  it('drbd dump does the same; --root widens it (relative to the cwd)', async () => {
    const m = memoryIo(dir);
    expect(await run(['drbd', 'dump', '--host', 'alice', 'lab/main.res'], m.io)).toBe(1);
    expect(m.stderr()).not.toContain('TOKEN_FROM_OUTSIDE_42');
    expect(m.stderr()).toContain('points outside the allowed root');
    const wide = memoryIo(dir);
    expect(await run(['drbd', 'dump', '--host', 'alice', '--root', '.', 'lab/main.res'], wide.io)).toBe(1);
    expect(wide.stderr()).toContain('Include `/proc/self/environ` points outside the allowed root');
    expect(wide.stderr()).not.toContain('`../outside.res` points outside');
  });
});

/** An io whose standard input arrives in `chunks`, and that fails if anything reads it whole. */
function streamingIo(cwd: string, chunks: readonly string[], onChunk: (i: number) => void) {
  const m = memoryIo(cwd);
  const io: CliIo = {
    ...m.io,
    readStdin: () => Promise.reject(new Error('standard input was read whole')),
    async *stdinStream() {
      for (let i = 0; i < chunks.length; i++) {
        onChunk(i);
        yield new TextEncoder().encode(chunks[i]!);
      }
    },
  };
  return { io, stdout: m.stdout, stderr: m.stderr };
}

describe('streams are read as they arrive (issue 13 item 10)', () => {
  const item = (i: number) =>
    `{"type": "-", "mode": "-rw-r--r--", "user": "root", "group": "root", "uid": 0, "gid": 0, "path": "etc/f${i}", "healthy": true, "source": "", "linktarget": "", "flags": null, "mtime": "2024-01-01T00:00:00.000000", "size": 1}\n`;

  it('borg items - prints the first items before the last chunk arrives', async () => {
    const chunks = Array.from({ length: 50 }, (_, c) =>
      Array.from({ length: 100 }, (_, i) => item(c * 100 + i)).join(''),
    );
    let seenBeforeEnd = '';
    const s = streamingIo('/', chunks, (i) => {
      if (i === chunks.length - 1) seenBeforeEnd = s.stdout();
    });
    expect(await run(['borg', 'items', '-'], s.io)).toBe(0);
    expect(seenBeforeEnd).toContain('etc/f0\n');
    expect(s.stdout().split('\n').filter(Boolean)).toHaveLength(5000);
  });

  it('borg log - renders records before the stream ends', async () => {
    const line = (i: number) =>
      `{"type": "log_message", "time": 1700000000.0, "message": "m${i}", "levelname": "INFO", "name": "borg"}\n`;
    const chunks = Array.from({ length: 30 }, (_, c) =>
      Array.from({ length: 100 }, (_, i) => line(c * 100 + i)).join(''),
    );
    let seenBeforeEnd = '';
    const s = streamingIo('/', chunks, (i) => {
      if (i === chunks.length - 1) seenBeforeEnd = s.stdout();
    });
    expect(await run(['borg', 'log', '-'], s.io)).toBe(0);
    expect(seenBeforeEnd).toContain(' m0\n');
  });

  it('events2 FILE streams the file and skips an over-long line with a report', async () => {
    const d = mkdtempSync(join(tmpdir(), 'ftkit-ev-'));
    writeFileSync(
      join(d, 'ev.txt'),
      `exists resource name:r0 role:Primary\nchange resource name:${'x'.repeat(2 << 20)}\nchange resource name:r0 role:Secondary\n`,
    );
    const m = memoryIo(d);
    expect(await run(['events2', '--json', 'ev.txt'], m.io)).toBe(0);
    expect(
      m
        .stdout()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).fields.role),
    ).toEqual(['Primary', 'Secondary']);
    expect(m.stderr()).toBe('ev.txt:2: Unexpected line longer than 1048576 characters (skipped)\n');
  });

  it('events2 - streams standard input', async () => {
    let seenBeforeEnd = '';
    const chunks = [
      'exists resource name:r0 role:Primary\n',
      'exists -\n',
      'change resource name:r0 role:Secondary\n',
    ];
    const s = streamingIo('/', chunks, (i) => {
      if (i === 2) seenBeforeEnd = s.stdout();
    });
    expect(await run(['events2', '--json', '-'], s.io)).toBe(0);
    expect(seenBeforeEnd).toContain('"role":"Primary"');
  });
});

describe('lab check reads only regular files', () => {
  it('a FIFO named RUNBOOK.md or etc/drbd.conf does not block it', async () => {
    const lab = mkdtempSync(join(tmpdir(), 'ftkit-lab-fifo-'));
    mkdirSync(join(lab, 'vm1/etc'), { recursive: true });
    writeFileSync(join(lab, 'vm1/etc/hostname'), 'vm1\n');
    execFileSync('mkfifo', [join(lab, 'RUNBOOK.md')]);
    execFileSync('mkfifo', [join(lab, 'vm1/etc/drbd.conf')]);
    const m = memoryIo(lab);
    const t0 = performance.now();
    expect(await run(['lab', 'check', '--no-color', '.'], m.io)).toBe(0);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});
