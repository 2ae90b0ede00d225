import { resolve, sep } from 'node:path';
import { defineConfig } from 'tsup';
import { tsupConfig } from '../../tsup.config.base.ts';

const borgSources = resolve(import.meta.dirname, '../../packages/borg/src') + sep;

/**
 * `@ftkit/borg` imports versions, timestamps and the error table from `@ftkit/borg-json`'s main
 * entry, whose document and log readers validate with zod. esbuild assigns modules to chunks by
 * what a command reaches through re-exports, so `lab generate` (which builds borg command lines)
 * reached zod. In this bundle, `@ftkit/borg`'s imports of `@ftkit/borg-json` resolve to
 * `src/primitives.ts`, the zod-free modules it uses: the same modules, so the same objects.
 * Published packages are unaffected; `scripts/smoke.mjs` checks the `lab` chunk loads no zod.
 */
const borgPrimitives = {
  name: 'ftkit-borg-primitives',
  setup(build: { onResolve: (o: { filter: RegExp }, cb: (a: { importer: string }) => unknown) => void }) {
    build.onResolve({ filter: /^@ftkit\/borg-json$/ }, (args) =>
      args.importer.startsWith(borgSources)
        ? { path: resolve(import.meta.dirname, '../../packages/borg-json/src/primitives.ts') }
        : undefined,
    );
  },
};

export default defineConfig([
  // The library (`@ftkit/lab`): the format packages, zod and the rest stay dependencies, so a
  // program that imports the lab shares them with its own imports.
  // `npm run build` empties dist/ first: two builds cleaning the same directory would race.
  { ...tsupConfig(['src/index.ts']), clean: false, splitting: true },
  // The `ftkit` command: one self-contained bundle with its dependencies inside, built from the
  // workspace sources. Node then resolves and reads a few files instead of a few hundred (zod
  // alone is about a hundred ES modules), and tree shaking keeps what the commands use. Code
  // splitting turns each command's lazily imported action (src/actions/*) into its own chunk,
  // so `ftkit --version` and one command load only what they use: `lab generate` and
  // `drbd dump` never load zod (see docs/performance.md).
  {
    ...tsupConfig(),
    entry: { ftkit: 'src/cli.ts' },
    outDir: 'dist/bin',
    dts: false,
    // No source maps in the published CLI: they doubled the bundle's size on disk and pointed
    // into workspace sources a user of the CLI does not have.
    sourcemap: false,
    clean: false,
    splitting: true,
    noExternal: [/.*/],
    // CommonJS dependencies bundled into an ES module keep their free `__filename` and
    // `__dirname` (write-file-atomic hashes `__filename` into its temporary file names), which
    // ES modules do not define: tsup's shims give each chunk that uses them a definition from
    // `import.meta.url`. Without them every command that writes a file crashed.
    shims: true,
    // CommonJS dependencies (commander, picomatch, picocolors) call require() for Node's modules.
    banner: {
      js: "import { createRequire as __ftkitCreateRequire } from 'node:module';\nconst require = __ftkitCreateRequire(import.meta.url);",
    },
    esbuildPlugins: [borgPrimitives],
    esbuildOptions(options) {
      options.conditions = ['@ftkit/source'];
      options.mainFields = ['module', 'main'];
    },
  },
]);
