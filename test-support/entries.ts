import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eagerImports } from './imports.js';

/**
 * The checks every zod-free entry of a package (`/lite`, `/read`, `/items`) gets: evaluating it
 * loads no zod and no schema module, and everything it exports is the same value in the main
 * entry (a subset, not a copy).
 */
export function describeZodFreeEntry(options: {
  /** The subpath, e.g. `lite`. */
  readonly name: string;
  /** The package's `src` directory. */
  readonly src: string;
  readonly main: Record<string, unknown>;
  readonly entry: Record<string, unknown>;
  /** Modules (relative to `src`) the entry must reach, so the walk is known to cover it. */
  readonly reaches: readonly string[];
}): void {
  const { name, src, main, entry, reaches } = options;
  describe(`the ${name} entry`, () => {
    it('loads no zod and no schema module', () => {
      const g = eagerImports(join(src, `${name}.ts`), src);
      expect(g.files).toEqual(expect.arrayContaining([...reaches]));
      expect(g.packages.filter((p) => p === 'zod' || p.startsWith('zod/'))).toEqual([]);
      expect(g.files.filter((f) => /(^|\/)schema\.ts$/.test(f))).toEqual([]);
      // The walk does see zod where it is imported.
      expect(eagerImports(join(src, 'index.ts'), src).packages).toContain('zod');
    });

    it('exports a subset of the main entry (the same values)', () => {
      expect(Object.keys(entry).length).toBeGreaterThan(0);
      const all = new Map(Object.entries(main));
      for (const [key, value] of Object.entries(entry)) expect(all.get(key), key).toBe(value);
    });
  });
}
