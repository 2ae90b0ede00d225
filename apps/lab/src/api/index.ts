/**
 * The lint API the `ftkit lint` command is built on, for programs and the language server:
 * `lintFiles` and `lintText` as ESLint has them, the config file (`ftkit.config.*`) and its schema.
 */

export type { EffectiveConfig, LoadedConfig } from './config.js';
export {
  CONFIG_FILE_NAMES,
  checkLintConfig,
  effectiveConfig,
  findConfigFile,
  knownSettings,
  loadConfigFile,
} from './config.js';
export type { ConfigFile } from './config-schema.js';
export { ConfigFileSchema, configJsonSchema, RULE_LEVELS } from './config-schema.js';
export type {
  LintApiOptions,
  LintFileResult,
  LintFilesResult,
  LintTextOptions,
  PrintedConfig,
} from './lint.js';
export { calculateConfigForFile, lintFiles, lintText } from './lint.js';
