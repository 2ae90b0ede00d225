import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { nodesUnderTest, root, tempDir } from '../e2e/helpers.js';

// tsc over the programs, the doc blocks and the packages' declarations takes 10-60 s, more on a loaded machine.
vi.setConfig({ testTimeout: 240_000 });

// The packages as a user gets them: `npm pack` of every workspace package, the tarballs installed
// into one throw-away project (zod and the other dependencies come from the registry or npm's
// cache), then one program per package in three forms: TypeScript type-checked with `nodenext`
// and `strict` and run, plain ES module JavaScript, and CommonJS `require()`. The programs do what
// each package's README shows under "Use".
//
// turbo has built every package before this task (`@ftkit/lab#test` depends on `build`), so
// `npm pack` runs with --ignore-scripts: the `prepack` build would rewrite dist/ while the
// end-to-end suite runs from it. That `prepack` builds an unbuilt clone is checked on a fresh
// clone (README.md, "Packages"), and below that each package has it.
//
// The ```ts and ```js blocks of README.md, docs/*.md and the package READMEs are compiled in the
// same project, against the installed tarballs, with `strict` (see docBlocks), so an example
// cannot go stale; the ones that print and need no input are run too.

const workspaces = ['packages', 'apps'].flatMap((d) =>
  readdirSync(join(root, d)).map((n) => join(root, d, n)),
);
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
/** The workspaces published to npm (apps/vscode is private: it ships as a .vsix, tested apart). */
const published = workspaces.filter((d) => manifest(d).private !== true);

const drbdRes = `resource r0 {
  on alice { device /dev/drbd0; disk /dev/vdb; address 10.1.1.31:7789; meta-disk internal; }
  on bob { device /dev/drbd0; disk /dev/vdb; address 10.1.1.32:7789; meta-disk internal; }
}
`;
const procDrbd = `version: 8.4.11 (api:1/proto:86-101)
srcversion: 1D37ED1DAFFFD69B1E6F8E7

 0: cs:Connected ro:Primary/Secondary ds:UpToDate/UpToDate C r-----
    ns:0 nr:0 dw:0 dr:0 al:0 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:f oos:0
`;

/**
 * One program per package: `imports` are the names it takes from the package, `body` uses them
 * and prints one line, `expected` is that line. The same body is the TypeScript, ESM and CJS form.
 */
const programs: { pkg: string; imports: string[]; body: string; expected: string }[] = [
  {
    pkg: '@ftkit/core',
    imports: ['applyEdits', 'LineIndex'],
    body: `const text = 'resource r0 {\\n  protocol D;\\n}\\n';
const fixed = applyEdits(text, [{ start: 25, end: 26, text: 'C' }]);
const point = new LineIndex(text).pointAt(25);
console.log(JSON.stringify([fixed.includes('protocol C;'), point.line, point.column]));`,
    expected: '[true,2,12]',
  },
  {
    pkg: '@ftkit/drbd-conf',
    imports: ['dump', 'parse', 'parseCst', 'print'],
    body: `const text = ${JSON.stringify(drbdRes)};
const { model, diagnostics } = parse(text, { drbdVersion: '9', fileName: 'r0.res' });
const dumped = dump(model, { host: 'alice' });
console.log(JSON.stringify([diagnostics.filter((d) => d.severity === 'error').length, print(parseCst(text)) === text, dumped.includes('resource r0 {')]));`,
    expected: '[0,true,true]',
  },
  {
    pkg: '@ftkit/ocfs2-cluster-conf',
    imports: ['emit', 'listCluster', 'parse'],
    body: `const text = emit({
  clusters: [
    {
      name: 'web',
      heartbeatMode: 'local',
      nodeCount: 1,
      nodes: [{ name: 'web1', number: 1, ipAddress: '10.0.0.1', ipPort: 7777 }],
      heartbeats: [],
    },
  ],
});
const { model, o2cb } = parse(text, { fileName: '/etc/ocfs2/cluster.conf' });
console.log(JSON.stringify([o2cb.accepted, text.startsWith('cluster:\\n\\tname = web\\n'), listCluster(model, 'web')?.includes('web1')]));`,
    expected: '[true,true,true]',
  },
  {
    pkg: '@ftkit/o2cb-defaults',
    imports: ['crossCheckBootCluster', 'parse'],
    body: `const text = 'export O2CB_ENABLED="true"\\nO2CB_BOOTCLUSTER=web\\nO2CB_KEEPALIVE_DELAY_MS=40000\\n';
console.log(JSON.stringify([parse(text).model.settings.keepaliveDelayMs, crossCheckBootCluster(text, ['web']).length]));`,
    expected: '[2000,0]',
  },
  {
    pkg: '@ftkit/fstab',
    imports: ['lint'],
    body: `const text = '/dev/drbd0 /srv/shared ocfs2 defaults 0 0\\n';
console.log(JSON.stringify(lint(text, { fix: true }).output));`,
    expected: JSON.stringify(
      '/dev/drbd0 /srv/shared ocfs2 defaults,_netdev,x-systemd.requires=o2cb.service 0 0\n',
    ),
  },
  {
    pkg: '@ftkit/proc-drbd',
    imports: ['parse', 'statusMetrics'],
    body: `const { model: status } = parse(${JSON.stringify(procDrbd)});
console.log(JSON.stringify([status.resources.length, status.resources[0]?.role, statusMetrics(status).some((f) => f.name === 'drbd_peerdevice_outofsync_bytes')]));`,
    expected: '[1,"Primary",true]',
  },
  {
    pkg: '@ftkit/borg-json',
    imports: ['parse'],
    body: `const { model } = parse('{"archives": [], "encryption": {"mode": "none"}, "repository": {"id": "${'0'.repeat(64)}", "last_modified": "2026-11-24T10:00:00.000000", "location": "/srv/borg"}}');
console.log(JSON.stringify([model?.kind, model?.major]));`,
    expected: '["archive-list",1]',
  },
  {
    pkg: '@ftkit/borg',
    imports: ['buildCreate', 'planPrune'],
    body: `const argv = buildCreate({ repo: '/srv/borg', archive: '{hostname}-{now}', paths: ['/etc'], json: true, borgVersion: '1.4' });
const plan = planPrune([{ name: 'a', time: '2026-11-24T10:00:00' }], { keepDaily: 7 }, { borgVersion: '1.4', timeZone: 'UTC' });
console.log(JSON.stringify([argv.includes('--json'), plan.decisions[0]?.keep]));`,
    expected: '[true,true]',
  },
  {
    pkg: '@ftkit/language-server',
    imports: ['lintDocument', 'Workspace'],
    body: `const dir = process.cwd();
lintDocument(\`\${dir}/r0.res\`, ${JSON.stringify(drbdRes)}, { workspace: new Workspace(dir) }).then(({ format, diagnostics }) =>
  console.log(JSON.stringify([format?.name, diagnostics.filter((d) => d.severity === 'error').length])),
);`,
    expected: '["drbd-conf",0]',
  },
  {
    pkg: '@ftkit/lab',
    imports: ['defaultLabSpec', 'generateLab', 'LabSpecCheckedSchema', 'labFiles'],
    body: `const spec = LabSpecCheckedSchema.parse({ ...defaultLabSpec, mode: 'dual-primary' });
const lab = generateLab(spec, { outDir: 'lab-out' });
console.log(JSON.stringify(labFiles(lab).some((f) => f.path === 'vm1/etc/drbd.d/r0.res')));`,
    expected: 'true',
  },
];

const slug = (pkg: string) => pkg.replace('@ftkit/', '');

/** The documents whose code blocks are checked. */
const documents = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
  ...workspaces.map((d) => `${d.slice(root.length + 1)}/README.md`),
];

/**
 * Inputs the examples take as given (the text of the file they read, a child process, …),
 * declared with their types so the examples compile as they are printed. An example that uses
 * one of them is compiled only; the others that print are also run.
 */
const inputs: Record<string, string> = {
  text: 'string',
  source: 'string',
  file: 'string',
  secret: 'string',
  node1: 'string',
  node2: 'string',
  createJsonText: 'string',
  listJsonText: 'string',
  stdoutOfBorgCreateJson: 'string',
  stdoutOfBorgListJson: 'string',
  childStderr: 'NodeJS.ReadableStream',
  child: 'ChildProcessWithoutNullStreams',
  borg: 'ChildProcessWithoutNullStreams',
};

/**
 * The ```ts and ```js blocks of `documents`, one module each: a block imports what it uses, as a
 * reader who copies it needs.
 */
function docBlocks(): { name: string; doc: string; code: string; runs: boolean }[] {
  const blocks: { name: string; doc: string; code: string; runs: boolean }[] = [];
  for (const doc of documents) {
    const markdown = readFileSync(join(root, doc), 'utf8');
    let n = 0;
    for (const [, body = ''] of markdown.matchAll(/^```(?:ts|js)\n([\s\S]*?)^```$/gm)) {
      n++;
      const declares = (name: string) =>
        new RegExp(`\\b(?:const|let|var)\\s+(?:\\{[^}]*\\b${name}\\b[^}]*\\}|${name}\\b)`).test(body);
      // Strings and comments mention names too (`file: 'r0.res'`, `// the source`); an input is
      // a free name outside them, not a property (`r.files`) or a key (`file:`).
      const code = body
        .replace(/\/\/.*$/gm, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
      const uses = Object.keys(inputs).filter(
        (name) => new RegExp(`(?<![.\\w])${name}\\b(?!\\s*:)`).test(code) && !declares(name),
      );
      const prints = /console\.log|process\.stdout\.write/.test(body);
      // Reading the machine's files or running a tool (borg, drbdsetup) is for a real machine.
      const readsMachine = /['"]\/(?:proc|etc|sys)\/|\b(?:spawn|execFile)\(/.test(body);
      blocks.push({
        name: `${doc.replace(/[/.]/g, '_')}-${n}`,
        doc,
        code: `${body}\nexport {};\n`,
        runs: prints && uses.length === 0 && !readsMachine,
      });
    }
  }
  return blocks;
}
const blocks = docBlocks();
let project: string;

beforeAll(() => {
  project = tempDir('ftkit-consumer-');
  const tarballs = join(project, 'tarballs');
  mkdirSync(tarballs);
  execFileSync(
    'npm',
    [
      'pack',
      ...published.map((d) => `--workspace=${manifest(d).name}`),
      '--ignore-scripts',
      '--silent',
      '--pack-destination',
      tarballs,
    ],
    {
      cwd: root,
      stdio: 'pipe',
    },
  );
  writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  const types = manifest(root).devDependencies['@types/node'];
  execFileSync(
    'npm',
    [
      'install',
      // Everything but the tarballs is in npm's cache after `npm ci`. Online, npm also asks the
      // registry for each @ftkit/* dependency (unpublished: it fails, and retries with back-off
      // for minutes behind a proxy); offline it takes the tarballs at once.
      '--offline',
      '--no-audit',
      '--no-fund',
      ...readdirSync(tarballs).map((t) => `./tarballs/${t}`),
      `@types/node@${types}`,
    ],
    { cwd: project, stdio: 'pipe' },
  );
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2023',
        strict: true,
        verbatimModuleSyntax: true,
        types: ['node'],
        outDir: 'out',
        rootDir: 'ts',
        skipLibCheck: false,
      },
      include: ['ts'],
    }),
  );
  for (const dir of ['ts', 'ts/docs', 'esm', 'cjs']) mkdirSync(join(project, dir));
  const declarations = Object.entries(inputs).map(([name, type]) => `  const ${name}: ${type};`);
  writeFileSync(
    join(project, 'ts/docs/inputs.d.ts'),
    `import type { ChildProcessWithoutNullStreams } from 'node:child_process';\n\ndeclare global {\n${declarations.join('\n')}\n}\n`,
  );
  for (const { name, code } of blocks) writeFileSync(join(project, 'ts/docs', `${name}.ts`), code);
  for (const { pkg, imports, body } of programs) {
    const names = imports.join(', ');
    writeFileSync(join(project, 'ts', `${slug(pkg)}.ts`), `import { ${names} } from '${pkg}';\n\n${body}\n`);
    writeFileSync(
      join(project, 'esm', `${slug(pkg)}.mjs`),
      `import { ${names} } from '${pkg}';\n\n${body}\n`,
    );
    writeFileSync(
      join(project, 'cjs', `${slug(pkg)}.cjs`),
      `const { ${names} } = require('${pkg}');\n\n${body}\n`,
    );
  }
}, 300_000);

it('every workspace package has a prepack that builds it and what it depends on', () => {
  for (const dir of workspaces) {
    const { name, scripts } = manifest(dir);
    expect(scripts.prepack, name).toBe(`turbo run build --filter=${name}... --output-logs=errors-only`);
  }
});

it('packs every package with its built files', () => {
  const tarballs = readdirSync(join(project, 'tarballs')).sort();
  expect(tarballs).toEqual(
    published.map((d) => `${manifest(d).name.replace('@', '').replace('/', '-')}-0.0.0.tgz`).sort(),
  );
  for (const dir of published) {
    const { name } = manifest(dir);
    const installed = join(project, 'node_modules', name);
    expect(
      readdirSync(join(installed, 'dist')).some((f) => f.endsWith('.d.ts')),
      name,
    ).toBe(true);
  }
  // The CLI bundle ships without source maps: they doubled its size and point into sources
  // the bundle already contains.
  const bin = join(project, 'node_modules', '@ftkit/lab', 'dist', 'bin');
  expect(readdirSync(bin).some((f) => f.endsWith('.js'))).toBe(true);
  expect(readdirSync(bin).filter((f) => f.endsWith('.map'))).toEqual([]);
});

it('finds the code blocks of the docs', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(20);
  expect(new Set(blocks.map((b) => b.doc)).size).toBeGreaterThanOrEqual(10);
  expect(blocks.filter((b) => b.runs).map((b) => b.name)).toEqual(
    expect.arrayContaining(['packages_core_README_md-1', 'apps_lab_README_md-2']),
  );
});

it("type-checks the TypeScript programs and the docs' code blocks with nodenext and strict", () => {
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], {
    encoding: 'utf8',
  });
  expect(tsc.stdout + tsc.stderr).toBe('');
  expect(tsc.status).toBe(0);
});

describe.each(nodesUnderTest())('on the $label ($version)', ({ dir }) => {
  const node = join(dir, 'node');
  it.each(programs)(
    '$pkg: TypeScript (compiled), ES module and CommonJS programs print what the docs say',
    ({ pkg, expected }) => {
      for (const file of [`out/${slug(pkg)}.js`, `esm/${slug(pkg)}.mjs`, `cjs/${slug(pkg)}.cjs`]) {
        const run = spawnSync(node, [file], { cwd: project, encoding: 'utf8' });
        expect({ file, stdout: run.stdout, stderr: run.stderr }).toEqual({
          file,
          stdout: `${expected}\n`,
          stderr: '',
        });
      }
    },
  );

  it.each(blocks.filter((b) => b.runs))('$doc block $name runs', ({ name }) => {
    const cwd = tempDir('ftkit-doc-block-');
    const run = spawnSync(node, [join(project, 'out/docs', `${name}.js`)], { cwd, encoding: 'utf8' });
    expect({ stderr: run.stderr, code: run.status }).toEqual({ stderr: '', code: 0 });
    expect(run.stdout).not.toBe('');
  });

  it('the installed `ftkit` bin runs', () => {
    const run = spawnSync(join(project, 'node_modules/.bin/ftkit'), ['--version'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${dir}:${process.env.PATH}` },
    });
    expect({ stdout: run.stdout, stderr: run.stderr, code: run.status }).toEqual({
      stdout: '0.0.0\n',
      stderr: '',
      code: 0,
    });
  });
});
