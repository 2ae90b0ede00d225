import { safeRecord } from '@ftkit/core';
import type { O2cbDefaults } from './model/compose.js';
import { effectiveSettings } from './model/compose.js';
import type { O2cbSettings } from './schema.js';

/**
 * Builds a model from complete settings (every field given, as typed code or a validated source
 * has them), ready for `emit`. Unlike `fromSettings` it fills no defaults and does not validate,
 * so it does not load zod.
 */
export function settingsModel(s: O2cbSettings): O2cbDefaults {
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
