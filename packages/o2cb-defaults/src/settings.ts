import type { FtkitIssue } from '@ftkit/core';
import { FtkitError, safeRecord } from '@ftkit/core';
import type { O2cbDefaults } from './model/compose.js';
import { effectiveSettings } from './model/compose.js';
import { CLUSTER_NAME_RE, KERNEL_MAX } from './variables.js';

/** Settings after defaults are applied (what the kernel ends up using for a valid file). */
export interface O2cbSettings {
  /** `O2CB_ENABLED=true`: the init script starts the cluster at boot (default `false`). */
  readonly enabled: boolean;
  /** `O2CB_STACK`: `o2cb` (default), or a 4-character user-space stack name such as `pcmk`. */
  readonly stack: string;
  /** `O2CB_BOOTCLUSTER`: the cluster.conf cluster to start (1-16 ASCII letters and digits); absent means none. */
  readonly bootCluster?: string | undefined;
  /** `O2CB_HEARTBEAT_THRESHOLD`: missed disk heartbeats (2 s apart) before a node is dead; 3 to 4294967294, default 31. */
  readonly heartbeatThreshold: number;
  /** `O2CB_IDLE_TIMEOUT_MS`: network idle time before a connection is dead, in ms; 2001 to 4294967294, default 30000. */
  readonly idleTimeoutMs: number;
  /** `O2CB_KEEPALIVE_DELAY_MS`: longest quiet time before a keepalive, in ms; 1 to 4294967294, below the idle timeout, default 2000. */
  readonly keepaliveDelayMs: number;
  /** `O2CB_RECONNECT_DELAY_MS`: shortest time between connection attempts, in ms; 1 to 4294967294, default 2000. */
  readonly reconnectDelayMs: number;
}

/** Settings as a caller writes them: every field optional, defaults filled in by {@link fromSettings}. */
export type O2cbSettingsInput = { readonly [K in keyof O2cbSettings]?: O2cbSettings[K] | undefined };

/** The defaults ocfs2-tools 1.8.x and the kernel apply. */
const DEFAULTS: O2cbSettings = {
  enabled: false,
  stack: 'o2cb',
  heartbeatThreshold: 31,
  idleTimeoutMs: 30000,
  keepaliveDelayMs: 2000,
  reconnectDelayMs: 2000,
};

const MINIMUM = {
  heartbeatThreshold: 3,
  idleTimeoutMs: 2001,
  keepaliveDelayMs: 1,
  reconnectDelayMs: 1,
} as const;

/**
 * The problems of `input` as settings the kernel and the init script accept: the same ranges as
 * `O2cbSettingsSchema` in `@ftkit/o2cb-defaults/schema` (a test keeps them equal), checked
 * without zod. Empty when valid.
 */
export function settingsIssues(input: unknown): FtkitIssue[] {
  const code = 'o2cb/invalid-settings';
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return [{ code, path: [], message: 'Expected a settings object' }];
  const s = input as Record<string, unknown>;
  const out: FtkitIssue[] = [];
  const bad = (key: string, message: string) => out.push({ code, path: [key], message });
  if (s.enabled !== undefined && typeof s.enabled !== 'boolean') bad('enabled', 'Expected true or false');
  if (s.stack !== undefined && (typeof s.stack !== 'string' || s.stack.length !== 4))
    bad('stack', 'Expected a stack name of exactly 4 characters (o2cb, pcmk, cman …)');
  if (
    s.bootCluster !== undefined &&
    (typeof s.bootCluster !== 'string' || !CLUSTER_NAME_RE.test(s.bootCluster))
  )
    bad('bootCluster', 'Expected a cluster name of 1-16 ASCII letters and digits');
  for (const [key, min] of Object.entries(MINIMUM)) {
    const v = s[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > KERNEL_MAX)
      bad(key, `Expected an integer from ${min} to ${KERNEL_MAX}`);
  }
  const idle = s.idleTimeoutMs ?? DEFAULTS.idleTimeoutMs;
  const keepalive = s.keepaliveDelayMs ?? DEFAULTS.keepaliveDelayMs;
  if (out.length === 0 && typeof idle === 'number' && typeof keepalive === 'number' && keepalive >= idle)
    bad('keepaliveDelayMs', 'Expected the keepalive delay to be smaller than the idle timeout');
  return out;
}

/**
 * Builds a model from settings (defaults filled in), ready for `emit`. Throws an `FtkitError`
 * (code `o2cb/invalid-settings`, `path` naming the field, e.g. `['heartbeatThreshold']`) when a
 * value is one the kernel or the init script refuses: this is for settings written in code, not
 * for parsing files. Loads no zod.
 */
export function fromSettings(input: O2cbSettingsInput = {}): O2cbDefaults {
  const issues = settingsIssues(input);
  if (issues.length > 0) throw FtkitError.fromIssues(issues, 'Invalid o2cb settings');
  const s = { ...DEFAULTS } as { -readonly [K in keyof O2cbSettings]: O2cbSettings[K] };
  for (const [k, v] of Object.entries(input)) if (v !== undefined) (s as Record<string, unknown>)[k] = v;
  const variables = safeRecord<string>([
    ['O2CB_ENABLED', s.enabled ? 'true' : 'false'],
    ['O2CB_STACK', s.stack],
    ['O2CB_BOOTCLUSTER', s.bootCluster ?? ''],
    ['O2CB_HEARTBEAT_THRESHOLD', String(s.heartbeatThreshold)],
    ['O2CB_IDLE_TIMEOUT_MS', String(s.idleTimeoutMs)],
    ['O2CB_KEEPALIVE_DELAY_MS', String(s.keepaliveDelayMs)],
    ['O2CB_RECONNECT_DELAY_MS', String(s.reconnectDelayMs)],
  ]);
  return { variables, settings: effectiveSettings(variables) };
}
