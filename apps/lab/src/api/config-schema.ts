import type { SettingSpec, SettingSpecs } from '@ftkit/core';
import { z } from 'zod';

/** The JSON Schema of one setting's value. */
function settingSchema(spec: SettingSpec | undefined): Record<string, unknown> {
  if (!spec) return {};
  const description = { description: spec.description };
  switch (spec.type) {
    case 'string':
      return { type: 'string', ...(spec.values ? { enum: [...spec.values] } : {}), ...description };
    case 'boolean':
      return { type: 'boolean', ...description };
    case 'number':
      return { type: 'number', ...description };
    case 'string[]':
      return { type: 'array', items: { type: 'string' }, ...description };
    default:
      return description;
  }
}

/** Rule levels a config file accepts (`warn` and `warning` are the same). */
export const RULE_LEVELS = ['off', 'info', 'warn', 'warning', 'error'] as const;

const Level = z.enum(RULE_LEVELS);

/** One rule's setting: a level, or `[level, options]`. */
export const RuleSettingSchema = z.union([Level, z.tuple([Level], z.unknown())]);

/** Rule id → setting. Ids are checked against every format's rules (with a did-you-mean). */
export const RulesSchema = z.record(z.string(), RuleSettingSchema);

/** Setting name → value. Names and values are checked against the formats' setting specs. */
export const SettingsSchema = z.record(z.string(), z.unknown());

/** Globs, relative to the directory of the config file, with POSIX separators. */
const Globs = z.array(z.string().min(1)).min(1);

/** An entry of `overrides`: rules and settings for the files matching `files`. */
export const OverrideSchema = z
  .object({
    files: Globs.describe('Globs (relative to the config file) of the files this entry applies to'),
    ignores: Globs.optional().describe('Globs of files, among those matched by `files`, this entry skips'),
    kind: z
      .string()
      .optional()
      .describe('Read the matched files as this format (as `--kind`), e.g. `drbd-conf`'),
    rules: RulesSchema.optional(),
    settings: SettingsSchema.optional(),
  })
  .strict();

/**
 * The `ftkit.config.{json,yaml,yml,js,mjs,ts}` file. The JSON Schema shipped as
 * `@ftkit/lab/ftkit.config.schema.json` is generated from this schema (`configJsonSchema`).
 */
export const ConfigFileSchema = z
  .object({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors'),
    ignores: z
      .array(z.string().min(1))
      .optional()
      .describe(
        'Globs (relative to the config file) of files never linted; `node_modules` and `.git` always are',
      ),
    rules: RulesSchema.optional().describe('Rule id → `off`, `info`, `warn`, `error`, or `[level, options]`'),
    settings: SettingsSchema.optional().describe(
      'Facts from outside the files, e.g. `drbdVersion`, `hostname`; see `ftkit rules`',
    ),
    overrides: z
      .array(OverrideSchema)
      .optional()
      .describe('Rules and settings for files matching globs; later entries win'),
  })
  .strict();

/** A config file's content, as validated. */
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

/**
 * The JSON Schema of the config file (draft 2020-12), for editors and for CI checks with any
 * JSON Schema validator. Known rule ids and settings are listed as properties so editors complete
 * them; other names are still allowed by the schema (the CLI rejects them with a did-you-mean).
 */
export function configJsonSchema(
  known: {
    readonly ruleIds: readonly string[];
    readonly settings: readonly string[];
    /** Specs of the settings, for their types and descriptions in the schema. */
    readonly specs?: SettingSpecs;
  } = {
    ruleIds: [],
    settings: [],
  },
): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigFileSchema, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const level = z.toJSONSchema(RuleSettingSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  delete level.$schema;
  const ruleProps = Object.fromEntries(
    [...new Set(known.ruleIds)].sort().map((id) => [id, { $ref: '#/$defs/ruleSetting' }]),
  );
  const settingProps = Object.fromEntries(
    [...new Set(known.settings)].sort().map((s) => [s, settingSchema(known.specs?.[s])]),
  );
  const props = schema.properties as Record<string, Record<string, unknown>>;
  const withKnown = (node: Record<string, unknown>, extra: Record<string, unknown>) => ({
    ...node,
    properties: extra,
  });
  props.rules = withKnown(
    { ...props.rules!, additionalProperties: { $ref: '#/$defs/ruleSetting' } },
    ruleProps,
  );
  props.settings = withKnown(props.settings!, settingProps);
  const override = (props.overrides!.items ?? {}) as Record<string, Record<string, unknown>>;
  const oprops = override.properties as Record<string, Record<string, unknown>>;
  oprops.rules = withKnown(
    { ...oprops.rules!, additionalProperties: { $ref: '#/$defs/ruleSetting' } },
    ruleProps,
  );
  oprops.settings = withKnown(oprops.settings!, settingProps);
  return {
    ...schema,
    $id: 'https://github.com/ftkit/ftkit/blob/main/apps/lab/schema/ftkit.config.schema.json',
    title: 'ftkit configuration (ftkit.config.json, .yaml, .js, .ts)',
    $defs: { ruleSetting: level },
  };
}
