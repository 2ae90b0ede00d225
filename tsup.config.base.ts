import type { Options } from 'tsup';

/**
 * The one tsup configuration every package re-exports, so a later move to tsdown is mechanical.
 * ESM only (Node >= 20.19 can `require()` ES modules), readable output, declarations beside it.
 */
export function tsupConfig(entry: string[] = ['src/index.ts']): Options {
  return {
    entry,
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
    splitting: false,
    treeshake: false,
    minify: false,
  };
}
