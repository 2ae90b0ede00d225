import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from '../src/index.js';
import { drbdStatusJsonSchema, drbdsetupStatusJsonSchema, StatusJsonSchema } from '../src/schema.js';
import { fixtures, readFixture } from './helpers.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, unknown>;
  files: string[];
};

describe('the JSON Schema files the package ships', () => {
  it('schema/drbd-status.schema.json is the JSON Schema of DrbdStatusSchema', async () => {
    await expect(`${JSON.stringify(drbdStatusJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      '../schema/drbd-status.schema.json',
    );
  });

  it('schema/drbdsetup-status.schema.json is the input JSON Schema of StatusJsonSchema', async () => {
    await expect(`${JSON.stringify(drbdsetupStatusJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      '../schema/drbdsetup-status.schema.json',
    );
  });

  it('are in the published files and reachable as @ftkit/proc-drbd/schema/*.json', () => {
    expect(pkg.files).toContain('schema');
    expect(pkg.exports['./schema/*.json']).toBe('./schema/*.json');
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './package.json', './schema', './schema/*.json']);
  });

  it('validate, with a JSON Schema validator, every real capture and every model read from one', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const shipped = (f: string) =>
      JSON.parse(readFileSync(new URL(`../schema/${f}`, import.meta.url), 'utf8'));
    const statusJson = ajv.compile(shipped('drbdsetup-status.schema.json'));
    const model = ajv.compile(shipped('drbd-status.schema.json'));
    const names = fixtures();
    expect(names.filter((f) => f.startsWith('status-json-')).length).toBeGreaterThan(3);
    for (const name of names) {
      const text = readFixture(name);
      const r = parse(text);
      expect(model(JSON.parse(JSON.stringify(r.model))), `${name}: ${ajv.errorsText(model.errors)}`).toBe(
        true,
      );
      if (r.source !== 'status-json' || r.diagnostics.some((d) => d.code === 'drbd-status/invalid-json'))
        continue;
      const raw = JSON.parse(text);
      expect(StatusJsonSchema.safeParse(raw).success, name).toBe(true);
      expect(statusJson(raw), `${name}: ${ajv.errorsText(statusJson.errors)}`).toBe(true);
    }
    // A value of the wrong type is refused by both.
    const bad = [{ name: 'r0', role: 7 }];
    expect(StatusJsonSchema.safeParse(bad).success).toBe(false);
    expect(statusJson(bad)).toBe(false);
  });
});
