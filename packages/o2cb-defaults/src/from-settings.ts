import { safeRecord } from '@ftkit/core';
import type { O2cbDefaults } from './model/compose.js';
import { effectiveSettings } from './model/compose.js';
import type { O2cbSettingsInput } from './schema.js';
import { O2cbSettingsSchema } from './schema.js';

/**
 * Builds a model from typed settings (defaults filled in), ready for {@link emit}. Validates with
 * {@link O2cbSettingsSchema} and throws its `ZodError` when the settings are invalid — this is
 * for settings written in code, not for parsing files.
 */
export function fromSettings(input: O2cbSettingsInput = {}): O2cbDefaults {
  const s = O2cbSettingsSchema.parse(input);
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
