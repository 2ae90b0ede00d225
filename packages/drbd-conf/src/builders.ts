import type { z } from 'zod';
import {
  type ConfigInput,
  configModel,
  optionModel,
  type ResourceInput,
  resourceModel,
} from './model/build.js';
import { ConfigSchema, type DrbdConfig, type DrbdResource, ResourceSchema } from './schema.js';

/** Thrown by the builders; `issues` name every offending field by its path (`hosts.1.address.port`). */
export class BuildError extends Error {
  override readonly name = 'BuildError';
  readonly issues: readonly { path: string; message: string }[];
  constructor(issues: readonly { path: string; message: string }[]) {
    super(issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; '));
    this.issues = issues;
  }
}

function check<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new BuildError(
    r.error.issues.map((i) => ({
      path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
      message: i.message,
    })),
  );
}

/**
 * Builders for generating configs from code. Each validates with the zod schemas and throws a
 * {@link BuildError} naming the offending field path; pass the result to `emit`.
 *
 * ```ts
 * const r0 = drbd.resource({ name: 'r0', device: '/dev/drbd0', disk: '/dev/sdb', metaDisk: 'internal',
 *   net: { protocol: 'C' }, hosts: [{ name: 'alice', address: '10.1.1.31:7789' }, { name: 'bob', address: '10.1.1.32:7789' }] });
 * emit(drbd.config({ resources: [r0] }));
 * ```
 */
export const drbd = {
  resource: (input: ResourceInput): DrbdResource => check(ResourceSchema, resourceModel(input), ''),
  config(input: ConfigInput): DrbdConfig {
    return check(ConfigSchema, configModel(input), '');
  },
  option: optionModel,
} as const;
