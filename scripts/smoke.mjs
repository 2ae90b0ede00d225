// Plain-Node smoke test of the built packages (no bundler, no vitest): ESM import and CommonJS
// require (require(esm), Node >= 20.19) of every package, and `ftkit --version`. Runs with the
// Node on PATH and, when present and different, the machine's own Node, so the engines floor
// (20.19) is exercised as well as the toolchain's Node.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkgs = ['packages', 'apps'].flatMap((d) =>
  readdirSync(join(root, d))
    .map((n) => join(root, d, n))
    .filter((p) => existsSync(join(p, 'package.json'))),
);
const nodes = [process.execPath];
for (const candidate of ['/usr/local/bin/node', '/usr/bin/node']) {
  if (existsSync(candidate) && !nodes.includes(candidate)) {
    const v = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
    const [maj, min] = v.slice(1).split('.').map(Number);
    if (maj > 20 || (maj === 20 && min >= 19)) nodes.push(candidate);
  }
}
let failed = 0;
for (const node of nodes) {
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  for (const dir of pkgs) {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const checks = [
      [
        'import',
        `import(${JSON.stringify(pkg.name)}).then(m => { if (!Object.keys(m).length) throw new Error('no exports'); })`,
        '--input-type=module',
      ],
      [
        'require',
        `const m = require(${JSON.stringify(pkg.name)}); if (!Object.keys(m).length) throw new Error('no exports');`,
        '--input-type=commonjs',
      ],
    ];
    for (const [kind, code, type] of checks) {
      try {
        execFileSync(node, [type, '-e', code], { cwd: root, stdio: 'pipe' });
        console.log(`ok   ${version} ${kind} ${pkg.name}`);
      } catch (error) {
        failed++;
        console.log(`FAIL ${version} ${kind} ${pkg.name}\n${error.stderr}`);
      }
    }
    for (const [bin, file] of Object.entries(pkg.bin ?? {})) {
      try {
        const out = execFileSync(node, [join(dir, file), '--version'], { encoding: 'utf8' }).trim();
        if (out !== pkg.version) throw new Error(`printed ${out}, expected ${pkg.version}`);
        console.log(`ok   ${version} ${bin} --version`);
      } catch (error) {
        failed++;
        console.log(`FAIL ${version} ${bin} --version: ${error.message}`);
      }
    }
  }
}
console.log(`${nodes.length * pkgs.length} packages checked, ${failed} failed`);
process.exit(failed ? 1 : 0);
