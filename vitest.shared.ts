import { defineProject } from 'vitest/config';

/**
 * Shared per-package vitest settings. The `@ftkit/source` condition makes workspace imports
 * resolve to `src/*.ts`, so tests never need a build first.
 *
 * `npm test` runs `test/**\/*.test.ts` (unit, property, fuzz and conformance tests against the
 * real tools). Slow suites (thousands of runs of a real tool, 10^5-run property checks) live in
 * `test/slow/` and run with `FTKIT_SLOW=1`, which is what `npm run test:conformance` sets.
 */
export function packageProject(name: string) {
  const slow = process.env.FTKIT_SLOW === '1';
  return defineProject({
    resolve: { conditions: ['@ftkit/source'] },
    ssr: { resolve: { conditions: ['@ftkit/source'] } },
    test: {
      name: slow ? `${name}:slow` : name,
      include: slow ? ['test/slow/**/*.test.ts'] : ['test/**/*.test.ts'],
      exclude: slow ? ['**/node_modules/**'] : ['test/slow/**', '**/node_modules/**'],
      environment: 'node',
      testTimeout: slow ? 600_000 : 30_000,
      hookTimeout: slow ? 600_000 : 60_000,
      passWithNoTests: slow,
    },
  });
}
