import type { ReporterName } from '@ftkit/core';

/**
 * The names `@ftkit/core` `reporters` has, in its key order, for `--format` choices. A copy, so
 * that declaring the option does not load `@ftkit/core` (its reporters pull in a code-frame
 * renderer); a test checks it against `Object.keys(reporters)`.
 */
export const reporterNames = [
  'stylish',
  'json',
  'sarif',
  'github',
  'junit',
  'checkstyle',
] as const satisfies readonly ReporterName[];
