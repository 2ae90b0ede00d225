import type { O2cbDefaults } from './model/compose.js';
import type { O2cbSettingsInput } from './schema.js';
import { O2cbSettingsSchema } from './schema.js';
import { settingsModel } from './settings-model.js';

/**
 * Builds a model from typed settings (defaults filled in), ready for {@link emit}. Validates with
 * {@link O2cbSettingsSchema} and throws its `ZodError` when the settings are invalid — this is
 * for settings written in code, not for parsing files.
 */
export function fromSettings(input: O2cbSettingsInput = {}): O2cbDefaults {
  return settingsModel(O2cbSettingsSchema.parse(input));
}
