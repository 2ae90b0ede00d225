import { checkstyle } from './checkstyle.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

/** The reporters `ftkit --format` accepts, by name. */
export const reporters = { stylish, json, sarif, github, junit, checkstyle } as const satisfies Record<
  string,
  Reporter
>;

/** A reporter name accepted by `--format`. */
export type ReporterName = keyof typeof reporters;
