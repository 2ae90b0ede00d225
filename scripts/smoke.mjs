// Plain-Node smoke test of the built packages (no bundler, no vitest): ESM import and CommonJS
// require (require(esm), Node >= 20.19) of every package entry (subpaths too), and
// `ftkit --version`; and a look at the `ftkit` bundle: the commands that must start quickly do not
// load zod. Runs with the
// Node on PATH and, when present and different, the machine's own Node, so the engines floor
// (20.19) is exercised as well as the toolchain's Node.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    // apps/vscode is a VS Code extension (its entry needs the editor's `vscode` module), not an npm package.
    if (pkg.private) continue;
    const entries = Object.keys(pkg.exports ?? { '.': '' })
      .filter((k) => !k.endsWith('.json'))
      .map((k) => (k === '.' ? pkg.name : `${pkg.name}/${k.slice(2)}`));
    const checks = entries.flatMap((entry) => [
      [
        `import ${entry}`,
        `import(${JSON.stringify(entry)}).then(m => { if (!Object.keys(m).length) throw new Error('no exports'); })`,
        '--input-type=module',
      ],
      [
        `require ${entry}`,
        `const m = require(${JSON.stringify(entry)}); if (!Object.keys(m).length) throw new Error('no exports');`,
        '--input-type=commonjs',
      ],
    ]);
    for (const [kind, code, type] of checks) {
      try {
        execFileSync(node, [type, '-e', code], { cwd: root, stdio: 'pipe' });
        console.log(`ok   ${version} ${kind}`);
      } catch (error) {
        failed++;
        console.log(`FAIL ${version} ${kind}\n${error.stderr}`);
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

// The `ftkit` bundle: a command's chunk and every chunk it imports statically are what Node
// evaluates when the command runs. esbuild marks each bundled module with a `// path` comment.
const bin = join(root, 'apps/lab/dist/bin');
const chunks = readdirSync(bin).filter((f) => f.endsWith('.js'));
const closure = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(bin, file), 'utf8');
  for (const m of text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"\.\/([^"]+)"/gm)) closure(m[1], seen);
  for (const m of text.matchAll(/^import\s*"\.\/([^"]+)"/gm)) closure(m[1], seen);
  return seen;
};
const loadsZod = (prefix) => {
  const file = chunks.find((f) => f.startsWith(`${prefix}-`) || f === `${prefix}.js`);
  if (!file) throw new Error(`no chunk ${prefix} in ${bin}`);
  return [...closure(file)].some((f) => readFileSync(join(bin, f), 'utf8').includes('node_modules/zod/'));
};
for (const [prefix, expected] of [
  ['ftkit', false],
  // `lab generate` builds the borg command lines with @ftkit/borg; the bundle resolves its imports
  // of @ftkit/borg-json to the zod-free primitives (apps/lab/tsup.config.ts), so the chunk graph
  // does not reach zod (docs/performance.md, "lab generate and zod").
  ['lab', false],
  ['drbd', false],
  ['ocfs2', false],
  // The check itself: validating a spec file does load zod.
  ['validate-spec', true],
]) {
  const got = loadsZod(prefix);
  if (got !== expected) failed++;
  console.log(
    `${got === expected ? 'ok  ' : 'FAIL'} ftkit bundle: ${prefix} ${got ? 'loads' : 'does not load'} zod`,
  );
}

// The bundle runs: every command chunk that a lab needs, with each Node (bundling can break
// what unit tests, which run the sources, cannot see, such as a CommonJS require).
const cli = join(bin, 'ftkit.js');
const out = mkdtempSync(join(tmpdir(), 'ftkit-smoke-'));
for (const node of nodes) {
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  const lab = join(out, version);
  for (const args of [
    ['lab', 'generate', '--out', lab, '--mode', 'dual-primary'],
    ['lab', 'check', lab],
    ['lint', join(lab, 'vm1/etc')],
    ['drbd', 'dump', join(lab, 'vm1/etc/drbd.d/r0.res'), '--host', 'vm1'],
    ['ocfs2', 'list-cluster', join(lab, 'vm1/etc/ocfs2/cluster.conf'), 'ocfs2cluster'],
  ]) {
    try {
      execFileSync(node, [cli, '--no-color', ...args], { encoding: 'utf8', stdio: 'pipe' });
      console.log(`ok   ${version} ftkit ${args[0]} ${args[1]}`);
    } catch (error) {
      failed++;
      console.log(`FAIL ${version} ftkit ${args.join(' ')}\n${error.stdout}${error.stderr}`);
    }
  }
}
// A reader that stops early (`| head`) ends the command quietly, with no EPIPE error.
const many = join(out, 'many.res');
writeFileSync(
  many,
  Array.from(
    { length: 3000 },
    (_, i) =>
      `resource r${i} { device minor ${i}; disk /dev/vg/r${i}; meta-disk internal;\n` +
      `  on alice { address 10.1.0.1:${7000 + i}; } on bob { address 10.1.0.2:${7000 + i}; } }\n`,
  ).join(''),
);
for (const node of nodes) {
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  const r = spawnSync(
    'sh',
    ['-c', `"$0" "$1" drbd dump "$2" --host alice | head -c 100 >/dev/null`, node, cli, many],
    {
      encoding: 'utf8',
    },
  );
  const ok = r.status === 0 && r.stderr === '';
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${version} ftkit drbd dump | head${ok ? '' : `\n${r.stderr}`}`);
}
rmSync(out, { recursive: true, force: true });
console.log(`${nodes.length * pkgs.length} packages checked, ${failed} failed`);
process.exit(failed ? 1 : 0);
