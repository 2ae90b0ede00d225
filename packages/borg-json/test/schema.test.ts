import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { documentSchemas } from '../src/documents/schema.js';
import { BorgItemSchema } from '../src/stream/item-schema.js';
import { LogObjectSchema } from '../src/stream/log.js';
import { fixture } from './helpers.js';

const all: Record<string, object> = {
  ...Object.fromEntries(
    Object.entries(documentSchemas).flatMap(([kind, byMajor]) =>
      Object.entries(byMajor).map(([major, s]) => [`${kind}-v${major}`, z.toJSONSchema(s, { io: 'input' })]),
    ),
  ),
  item: z.toJSONSchema(BorgItemSchema, { io: 'input' }),
  'log-object': z.toJSONSchema(LogObjectSchema, { io: 'input' }),
};

describe('JSON Schema', () => {
  it('matches the committed file', async () => {
    await expect(`${JSON.stringify(all, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/json-schema.json');
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
