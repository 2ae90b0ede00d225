import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/index.js';
import { memoryIo } from './helpers.js';

const packages = join(import.meta.dirname, '../../../packages');

/** The real samples of a package (test/fixtures/realworld), whose names match no file pattern. */
function samplesOf(pkg: string): string {
  return join(packages, pkg, 'test/fixtures/realworld');
}

interface JsonFinding {
  readonly file: string;
  readonly code: string;
  readonly line: number;
  readonly message: string;
}

async function lintJson(dir: string, ...args: string[]) {
  const m = memoryIo(dir);
  const code = await run(['lint', '.', '--format', 'json', ...args], m.io);
  return { code, findings: JSON.parse(m.stdout()) as JsonFinding[], stderr: m.stderr() };
}

describe('ftkit lint DIR', () => {
  it('recognises files by content when their names match no pattern, and says what it skipped', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-lint-dir-'));
    cpSync(samplesOf('ocfs2-cluster-conf'), join(dir, 'cluster-conf'), { recursive: true });
    cpSync(samplesOf('o2cb-defaults'), join(dir, 'o2cb'), { recursive: true });
    writeFileSync(join(dir, 'binary.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
    const r = await lintJson(dir);
    const files = new Set(r.findings.map((f) => f.file));
    // Read by content: cluster.conf samples (named *.conf) and o2cb files (no extension at all).
    expect(files).toContain(join('cluster-conf', 'ocfs2-tools-man5-list-cluster.conf'));
    expect(files).toContain(join('cluster-conf', 'gh-3258850558-annotated.conf'));
    expect(r.findings.filter((f) => f.code === 'indent-tab').length).toBe(6);
    // The annotated cluster.conf is refused by o2cb: the folder is not clean any more.
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `ftkit: 3 files not recognised (no format claims them by name or content; name a file with --kind NAME to choose one): ${join('binary.bin')}, ${join('cluster-conf', 'SOURCES.md')}, ${join('o2cb', 'SOURCES.md')}\n`,
    );
  });

  it('reports a file included by another one once, in the context of the including file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftkit-lint-inc-'));
    mkdirSync(join(dir, 'drbd.d'));
    writeFileSync(join(dir, 'drbd.conf'), 'include "drbd.d/*.res";\n');
    writeFileSync(
      join(dir, 'drbd.d', 'r0.res'),
      'resource r0 {\n  net { shared-secret "abc"; }\n  on a { device /dev/drbd0; disk /dev/sdb1; address 10.0.0.1:7789; meta-disk internal; }\n  on b { device /dev/drbd0; disk /dev/sdb1; address 10.0.0.2:7789; meta-disk internal; }\n}\n',
    );
    const r = await lintJson(dir);
    // Each finding once, under the name the walk gave the file (not the absolute include path).
    const res = join('drbd.d', 'r0.res');
    expect(r.findings.map((f) => `${f.file}:${f.line} ${f.code}`)).toEqual([
      `${res}:1 split-brain-handler-missing`,
      `${res}:1 verify-alg-missing`,
      `${res}:2 authentication-incomplete`,
      `${res}:2 shared-secret-weak`,
    ]);
  });
});
