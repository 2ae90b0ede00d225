import type { z } from 'zod';
import { type BuildIssue, checkBuilt, pathText } from './check/check-built.js';
import {
  type ConfigInput,
  configModel,
  optionModel,
  type ResourceInput,
  resourceModel,
} from './model/build.js';
import type { DrbdVersion } from './model/options.js';
import { ConfigSchema, type DrbdConfig, type DrbdResource, ResourceSchema } from './schema.js';

export type { BuildIssue } from './check/check-built.js';

/**
 * Thrown by the builders. `issues` lists every problem, each with a `drbd/…` code and the field
 * path (`hosts[1].address.port`); `code` and `path` are those of the first issue.
 */
export class BuildError extends Error {
  override readonly name = 'BuildError';
  readonly issues: readonly BuildIssue[];
  /** Code of the first issue. */
  readonly code: string;
  /** Field path of the first issue (`''` for the root). */
  readonly path: string;
  constructor(issues: readonly BuildIssue[]) {
    super(issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '));
    this.issues = issues;
    this.code = issues[0]?.code ?? 'drbd/invalid-shape';
    this.path = issues[0]?.path ?? '';
  }
}

function shape<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new BuildError(
    r.error.issues.map((i) => ({
      code: 'drbd/invalid-shape',
      path: pathText(i.path.filter((p) => typeof p !== 'symbol')),
      message: i.message,
    })),
  );
}

function meaning(config: DrbdConfig, version: DrbdVersion, strip = ''): void {
  const issues = checkBuilt(config, version);
  if (issues.length === 0) return;
  throw new BuildError(
    issues.map((i) => (strip && i.path.startsWith(strip) ? { ...i, path: i.path.slice(strip.length) } : i)),
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
 * ids, duplicate sections, …), and throws one {@link BuildError} listing every problem by field
 * path; pass the result to `emit`.
 *
 * ```ts
 * const r0 = drbd.resource({ name: 'r0', device: '/dev/drbd0', disk: '/dev/sdb', metaDisk: 'internal',
 *   net: { protocol: 'C' }, hosts: [{ name: 'alice', address: '10.1.1.31:7789' }, { name: 'bob', address: '10.1.1.32:7789' }] });
 * emit(drbd.config({ resources: [r0] }));
 * ```
 */
export const drbd = {
  resource(input: ResourceInput, options: BuildOptions = {}): DrbdResource {
    const r = shape(ResourceSchema, resourceModel(input));
    const version = options.drbdVersion ?? '9';
    meaning(configModel({ drbdVersion: version, resources: [r] }), version, 'resources[0].');
    return r;
  },
  config(input: ConfigInput, options: BuildOptions = {}): DrbdConfig {
    const c = shape(ConfigSchema, configModel(input));
    meaning(c, options.drbdVersion ?? c.drbdVersion);
    return c;
  },
  option: optionModel,
} as const;
