// Whole-process start-up of the built `ftkit` bundle (docs/performance.md, lab): hyperfine runs
// each command against a lab generated into a temporary directory, with `node -e 0` for
// reference. Needs `npm run build` first and hyperfine on PATH (`.ci/run` installs it).
//   node bench/cli.mjs [--runs N]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = process.argv.includes('--runs') ? process.argv[process.argv.indexOf('--runs') + 1] : '20';
const cli = join(import.meta.dirname, '../dist/bin/ftkit.js');
const dir = mkdtempSync(join(tmpdir(), 'ftkit-bench-'));
const node = process.execPath;
try {
  execFileSync(node, [cli, 'lab', 'generate', '--out', join(dir, 'lab')], { stdio: 'ignore' });
  const commands = [
    `${node} -e 0`,
    `${node} ${cli} --version`,
    `${node} ${cli} lab generate --out ${join(dir, 'lab')} --force`,
    `${node} ${cli} lab check ${join(dir, 'lab')}`,
  ];
  execFileSync('hyperfine', ['-N', '--warmup', '3', '--runs', runs, ...commands], { stdio: 'inherit' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
