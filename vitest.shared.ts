import { defineProject } from 'vitest/config';

/**
 * Shared per-package vitest settings. The `@ftkit/source` condition makes workspace imports
 * resolve to `src/*.ts`, so tests never need a build first.
 *
 * `npm test` runs `test/**\/*.test.ts` except `test/conformance/` and `test/slow/`: unit,
 * property, fuzz, end-to-end and consumer tests that need nothing but Node. Suites that run a real
 * tool (drbdadm, o2cb, borg, findmnt, dash and bash, systemd-analyze, …) live in
 * `test/conformance/`, and slow suites (thousands of runs of a real tool, 10^5-run property
 * checks) in `test/slow/`; both run with `FTKIT_SLOW=1`, which is what `npm run test:conformance`
 * sets after scripts/conformance-tools.mjs has made sure the tools are installed.
 */
export function packageProject(name: string) {
  const slow = process.env.FTKIT_SLOW === '1';
  return defineProject({
    resolve: { conditions: ['@ftkit/source'] },
    ssr: { resolve: { conditions: ['@ftkit/source'] } },
    test: {
      name: slow ? `${name}:conformance` : name,
      include: slow ? ['test/conformance/**/*.test.ts', 'test/slow/**/*.test.ts'] : ['test/**/*.test.ts'],
      exclude: slow ? ['**/node_modules/**'] : ['test/conformance/**', 'test/slow/**', '**/node_modules/**'],
      environment: 'node',
      testTimeout: slow ? 600_000 : 30_000,
      hookTimeout: slow ? 600_000 : 60_000,
      passWithNoTests: slow,
    },
  });
}
