/**
 * `@ftkit/o2cb-defaults/schema`: for you who want the zod schema or JSON Schema of O2CB settings
 * (to validate settings from outside, or for editors and other languages). The main entry
 * `@ftkit/o2cb-defaults` checks settings in `fromSettings` without zod and loads none; this one
 * loads zod. The same JSON Schema ships as a file: `@ftkit/o2cb-defaults/o2cb-settings.schema.json`.
 */
import { z } from 'zod';
import type { O2cbSettings, O2cbSettingsInput } from './settings.js';
import { CLUSTER_NAME_RE, KERNEL_MAX } from './variables.js';

/**
 * A valid O2CB configuration with the defaults ocfs2-tools 1.8.x and the kernel apply. Ranges are
 * the kernel's (what configfs accepts); the interactive `configure` prompt asks for more (threshold
 * ≥ 7, idle ≥ 5000 ms, keepalive ≥ 1000 ms, reconnect ≥ 2000 ms), which lint reports as warnings.
 */
export const O2cbSettingsSchema = z
  .object({
    /** `O2CB_ENABLED=true`: the init script starts the cluster at boot. */
    enabled: z.boolean().default(false).describe('O2CB_ENABLED: only the exact word `true` enables'),
    /** `O2CB_STACK`: `o2cb`, or a 4-character user-space stack name such as `pcmk`. */
    stack: z
      .string()
      .length(4)
      .default('o2cb')
      .describe('O2CB_STACK: exactly 4 characters (o2cb, pcmk, cman …)'),
    /** `O2CB_BOOTCLUSTER`: the cluster.conf cluster to start; absent means none. */
    bootCluster: z
      .string()
      .regex(CLUSTER_NAME_RE)
      .optional()
      .describe('O2CB_BOOTCLUSTER: 1-16 ASCII letters and digits, a cluster of cluster.conf'),
    /** `O2CB_HEARTBEAT_THRESHOLD`: missed disk heartbeats (2 s apart) before a node is dead. */
    heartbeatThreshold: z
      .int()
      .min(3)
      .max(KERNEL_MAX)
      .default(31)
      .describe('O2CB_HEARTBEAT_THRESHOLD: heartbeat timeout is (T - 1) * 2 s; values <= 2 are ignored'),
    /** `O2CB_IDLE_TIMEOUT_MS`: network idle time before a connection is dead, in ms. */
    idleTimeoutMs: z
      .int()
      .min(2001)
      .max(KERNEL_MAX)
      .default(30000)
      .describe('O2CB_IDLE_TIMEOUT_MS: must be greater than the keepalive delay'),
    /** `O2CB_KEEPALIVE_DELAY_MS`: longest quiet time before a keepalive is sent, in ms. */
    keepaliveDelayMs: z
      .int()
      .min(1)
      .max(KERNEL_MAX)
      .default(2000)
      .describe('O2CB_KEEPALIVE_DELAY_MS: must be smaller than the idle timeout'),
    /** `O2CB_RECONNECT_DELAY_MS`: shortest time between connection attempts, in ms. */
    reconnectDelayMs: z
      .int()
      .min(1)
      .max(KERNEL_MAX)
      .default(2000)
      .describe('O2CB_RECONNECT_DELAY_MS: minimum time between connection attempts'),
  })
  .refine((s) => s.keepaliveDelayMs < s.idleTimeoutMs, {
    message: 'Expected the keepalive delay to be smaller than the idle timeout',
    path: ['keepaliveDelayMs'],
  });

export type { O2cbSettings, O2cbSettingsInput };

/**
 * The JSON Schema (draft 2020-12) of {@link O2cbSettingsSchema}, for editors and other languages,
 * as shipped in `o2cb-settings.schema.json`.
 */
export function o2cbSettingsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(O2cbSettingsSchema, { io: 'input' }) as Record<string, unknown>;
}
