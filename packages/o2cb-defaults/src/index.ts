export { fromSettings } from './from-settings.js';
export * from './lite.js';
export { O2cbSettingsSchema, o2cbSettingsJsonSchema } from './schema.js';
