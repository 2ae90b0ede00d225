import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { validateConfig } from '../../src/api/config.js';
import { ConfigFileSchema, configJsonSchema, formats, knownSettings } from '../../src/index.js';

const schemaFile = join(import.meta.dirname, '../../schema/ftkit.config.schema.json');

function generated() {
  return configJsonSchema({
    ruleIds: formats.flatMap((f) => f.ruleIds),
    settings: knownSettings(formats),
    specs: Object.assign({}, ...formats.map((f) => f.settings)),
  });
}

describe('the config file JSON Schema', () => {
  it('is generated from the zod schema and the formats (shipped as schema/ftkit.config.schema.json)', () => {
    // After a rule or setting is added: FTKIT_UPDATE_SCHEMA=1 npx vitest run test/api/config-schema.test.ts
    // in apps/lab (the file is compared as JSON, so its layout does not matter).
    if (process.env.FTKIT_UPDATE_SCHEMA === '1')
      writeFileSync(schemaFile, `${JSON.stringify(generated(), null, 2)}\n`);
    expect(JSON.parse(readFileSync(schemaFile, 'utf8'))).toEqual(generated());
  });

  it('accepts and rejects what the zod schema does', () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
    const good = [
      {},
      { $schema: './node_modules/@ftkit/lab/schema/ftkit.config.schema.json' },
      {
        ignores: ['vendor/**'],
        rules: { 'shared-secret-weak': 'off', 'verify-alg-missing': ['warn', {}] },
        settings: { drbdVersion: '8.4', hostname: 'alice' },
        overrides: [{ files: ['site-b/**'], kind: 'drbd-conf', rules: { 'verify-alg-missing': 'error' } }],
      },
    ];
    const bad = [
      { rule: {} },
      { rules: { 'verify-alg-missing': 'loud' } },
      { overrides: [{ rules: {} }] },
      { overrides: [{ files: [] }] },
      { ignores: 'vendor/**' },
    ];
    for (const c of good) {
      expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
      expect(ConfigFileSchema.safeParse(c).success).toBe(true);
    }
    for (const c of bad) {
      expect(validate(c), JSON.stringify(c)).toBe(false);
      expect(ConfigFileSchema.safeParse(c).success, JSON.stringify(c)).toBe(false);
    }
  });

  it('accepts the config example of docs/cli.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../../../docs/cli.md'), 'utf8');
    const blocks = [...doc.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)]
      .map(([, body = '']) => body)
      .filter((b) => b.startsWith('# ftkit.config.yaml'));
    expect(blocks).toHaveLength(1);
    const loaded = validateConfig(parseYaml(blocks[0]!), 'docs/cli.md', '/', formats);
    expect(loaded.config.overrides?.[0]?.settings).toEqual({ drbdVersion: '8.4' });
  });

  it('lists every rule id so editors complete them', () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    expect(Object.keys(schema.properties.rules.properties)).toContain('shared-secret-weak');
    expect(Object.keys(schema.properties.settings.properties)).toContain('drbdVersion');
  });
});
