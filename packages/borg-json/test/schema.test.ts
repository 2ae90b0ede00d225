import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/schema.js';
import { fixture } from './helpers.js';

const all = jsonSchemas();

describe('JSON Schema', () => {
  it('matches the file shipped in the package (schema/borg-json.schema.json)', async () => {
    await expect(`${JSON.stringify(all, null, 2)}\n`).toMatchFileSnapshot('../schema/borg-json.schema.json');
  });
  it('accepts the real captures', () => {
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validate(all['create-v1']!, JSON.parse(fixture('1.2/create.json'))), ajv.errorsText()).toBe(
      true,
    );
    expect(
      ajv.validate(all['archive-list-v2']!, JSON.parse(fixture('2.0.0b5/rlist.json'))),
      ajv.errorsText(),
    ).toBe(true);
    const line = fixture('1.4/list-archive-format.jsonl').split('\n')[0]!;
    expect(ajv.validate(all.item!, JSON.parse(line)), ajv.errorsText()).toBe(true);
    expect(ajv.validate(all['create-v1']!, JSON.parse(fixture('2.0.0b5/create.json')))).toBe(false);
  });
});
