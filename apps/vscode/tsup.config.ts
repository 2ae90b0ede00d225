import { defineConfig, type Options } from 'tsup';

// A `--no-dependencies` package ships no node_modules: the client and the server are bundled with
// everything they import, except the `vscode` module the editor provides.
const common: Options = {
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  dts: false,
  splitting: false,
  noExternal: [/.*/],
  esbuildOptions(options) {
    // tsup's `external` loses to `noExternal`: esbuild's own list keeps `vscode` out.
    options.external = ['vscode'];
  },
};

export default defineConfig([
  // VS Code loads extensions as CommonJS.
  {
    ...common,
    entry: ['src/extension.ts'],
    format: ['cjs'],
    outExtension: () => ({ js: '.cjs' }),
    clean: true,
  },
  // The server runs in its own Node process, as an ES module (its dependencies use import.meta);
  // the CommonJS ones it bundles (vscode-languageserver) get a real `require` for Node built-ins.
  {
    ...common,
    entry: ['src/server.ts'],
    format: ['esm'],
    outExtension: () => ({ js: '.mjs' }),
    banner: {
      js: "import { createRequire as __ftkitRequire } from 'node:module'; const require = __ftkitRequire(import.meta.url);",
    },
  },
]);
