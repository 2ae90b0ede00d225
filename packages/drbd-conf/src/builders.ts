import { FtkitError, type FtkitIssue, issuesFromSchema } from '@ftkit/core';
import type { z } from 'zod';
import { checkBuilt } from './check/check-built.js';
import {
  type ConfigInput,
  configModel,
  optionModel,
  type ResourceInput,
  resourceModel,
} from './model/build.js';
import type { DrbdVersion } from './model/options.js';
import {
  ConfigSchema,
  type DrbdConfig,
  type DrbdOption,
  type DrbdResource,
  OptionSchema,
  ResourceSchema,
} from './schema.js';

function fail(issues: readonly FtkitIssue[], what: string): never {
  throw FtkitError.fromIssues(
    issues,
    issues.length > 1 ? `Invalid ${what}: ${issues.length} problems` : undefined,
  );
}

function shape<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  return fail(issuesFromSchema('drbd/invalid-shape', r.error.issues), what);
}

/**
 * The model the unvalidated constructors make of `input`. Input that is not even the right kind
 * of value (`hosts: 5` from JavaScript) makes them throw a `TypeError`; it reaches the caller
 * as the `FtkitError` every other bad input gives.
 */
function modelOf<T>(build: () => T, what: string): T {
  try {
    return build();
  } catch (error) {
    return fail(
      [
        {
          code: 'drbd/invalid-shape',
          path: [],
          message: `Invalid ${what} input: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
      what,
    );
  }
}

/** `drbd.resource` checks its resource as `resources[0]` of a config: paths drop that prefix. */
function withinResource(path: readonly (string | number)[]): readonly (string | number)[] {
  return path[0] === 'resources' && path[1] === 0 ? path.slice(2) : path;
}

function meaning(
  config: DrbdConfig,
  version: DrbdVersion,
  what: string,
  rebase: (path: readonly (string | number)[]) => readonly (string | number)[] = (p) => p,
): void {
  const issues = checkBuilt(config, version);
  if (issues.length === 0) return;
  fail(
    issues.map((i) => ({ ...i, path: rebase(i.path) })),
    what,
  );
}

/** Options of the `drbd` builders. */
export interface BuildOptions {
  /** The DRBD version whose option tables and checks apply; default `9` (`drbd.config`: the input's). */
  readonly drbdVersion?: DrbdVersion;
}

/**
 * Builders for generating configs from code. Each checks the shape with the zod schemas and the
 * meaning with the checks `parse` makes (option names and values by DRBD version, ports, node
 * ids, duplicate sections, …), and throws one `FtkitError` (from `@ftkit/core`) listing every
 * problem in `issues`, each with its `drbd/…` code and field path (`['hosts', 1, 'address',
 * 'port']`); `code` and `path` of the error are those of the first. Pass the result to `emit`.
 *
 * ```ts
 * const r0 = drbd.resource({ name: 'r0', device: '/dev/drbd0', disk: '/dev/sdb', metaDisk: 'internal',
 *   net: { protocol: 'C' }, hosts: [{ name: 'alice', address: '10.1.1.31:7789' }, { name: 'bob', address: '10.1.1.32:7789' }] });
 * emit(drbd.config({ resources: [r0] }));
 * ```
 */
export const drbd = {
  resource(input: ResourceInput, options: BuildOptions = {}): DrbdResource {
    const r = shape(
      ResourceSchema,
      modelOf(() => resourceModel(input), 'resource'),
      'resource',
    );
    const version = options.drbdVersion ?? '9';
    meaning(configModel({ drbdVersion: version, resources: [r] }), version, 'resource', withinResource);
    return r;
  },
  config(input: ConfigInput, options: BuildOptions = {}): DrbdConfig {
    const c = shape(
      ConfigSchema,
      modelOf(() => configModel(input), 'config'),
      'config',
    );
    meaning(c, options.drbdVersion ?? c.drbdVersion, 'config');
    return c;
  },
  /** One option: booleans become `yes`/`no`, numbers their decimal text; the name is checked. */
  option(name: string, value?: string | number | boolean): DrbdOption {
    return shape(OptionSchema, optionModel(name, value), 'option');
  },
} as const;
