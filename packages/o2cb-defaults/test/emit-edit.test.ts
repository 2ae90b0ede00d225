import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { applyEdits, FtkitError } from '@ftkit/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  edit,
  emit,
  format,
  fromSettings,
  type O2cbSettings,
  type O2cbSettingsInput,
  parse,
} from '../src/index.js';
import { O2cbSettingsSchema, o2cbSettingsJsonSchema } from '../src/schema.js';
import { FIXTURES } from './helpers.js';

const fixture = (n: string) => readFileSync(new URL(n, FIXTURES), 'utf8');

const settingsArb = fc.record(
  {
    enabled: fc.boolean(),
    stack: fc.constantFrom('o2cb', 'pcmk', 'cman'),
    bootCluster: fc.stringMatching(/^[A-Za-z0-9]{1,16}$/),
    heartbeatThreshold: fc.integer({ min: 3, max: 200 }),
    idleTimeoutMs: fc.integer({ min: 5000, max: 120000 }),
    keepaliveDelayMs: fc.integer({ min: 1000, max: 4000 }),
    reconnectDelayMs: fc.integer({ min: 2000, max: 10000 }),
  },
  { requiredKeys: [] },
);

describe('emit', () => {
  it('writes the Debian postinst file byte for byte', () => {
    const text = fixture('debian-postinst-default.o2cb');
    expect(emit(parse(text).model)).toBe(text);
    expect(emit(fromSettings({ bootCluster: 'ocfs2' }), { form: 'debian' })).toBe(text);
  });

  it('writes the init script file byte for byte', () => {
    const text = fixture('initscript-configure-written.o2cb');
    expect(emit(parse(text).model, { form: 'initscript' })).toBe(text);
  });

  it('writes the upstream RPM default byte for byte', () => {
    const text = fixture('upstream-vendor-sysconfig.o2cb');
    expect(emit(parse(text).model, { form: 'upstream' })).toBe(text);
    expect(emit(fromSettings({ bootCluster: 'web' }), { form: 'upstream' })).toBe(
      text.replace('=ocfs2', '=web'),
    );
  });

  it('writes a minimal form', () => {
    expect(emit(parse(fixture('hand-edited-pcmk-quoted.o2cb')).model, { form: 'minimal' })).toBe(
      'O2CB_ENABLED=true\nO2CB_STACK=pcmk\nO2CB_BOOTCLUSTER=hana\nO2CB_HEARTBEAT_THRESHOLD=61\nO2CB_IDLE_TIMEOUT_MS=60000\nO2CB_KEEPALIVE_DELAY_MS=2000\nO2CB_RECONNECT_DELAY_MS=2000\n',
    );
  });

  test.prop([settingsArb, fc.constantFrom('debian', 'initscript', 'minimal', 'upstream' as const)])(
    'parse(emit(m)) gives back the settings',
    (input, form) => {
      const model = fromSettings(input);
      const r = parse(emit(model, { form }));
      expect(r.diagnostics).toEqual([]);
      const expected = { ...model.settings };
      if (form === 'debian' || form === 'upstream') expected.stack = 'o2cb';
      if (form === 'upstream') {
        const d = fromSettings({}).settings;
        Object.assign(expected, {
          heartbeatThreshold: d.heartbeatThreshold,
          idleTimeoutMs: d.idleTimeoutMs,
          keepaliveDelayMs: d.keepaliveDelayMs,
          reconnectDelayMs: d.reconnectDelayMs,
        });
      }
      expect(r.model.settings).toEqual(expected);
    },
  );

  test.prop([settingsArb])('fills in the defaults the zod schema fills in', (input) => {
    expect(fromSettings(input)).toEqual(fromSettings(O2cbSettingsSchema.parse(input)));
  });

  const anyValue = fc.oneof(
    fc.integer({ min: -2, max: 40000 }),
    fc.constantFrom(0.5, Number.NaN, 4294967294, 4294967295, true, 'o2cb', 'pcmk', 'web1', 'a-b', ''),
    fc.constant(undefined),
  );
  test.prop([
    fc.record(
      {
        enabled: anyValue,
        stack: anyValue,
        bootCluster: anyValue,
        heartbeatThreshold: anyValue,
        idleTimeoutMs: anyValue,
        keepaliveDelayMs: anyValue,
        reconnectDelayMs: anyValue,
      },
      { requiredKeys: [] },
    ),
  ])('refuses exactly what the zod schema refuses, with an FtkitError', (input) => {
    const call = () => fromSettings(input as O2cbSettingsInput);
    if (O2cbSettingsSchema.safeParse(input).success) expect(call).not.toThrow();
    else expect(call).toThrow(FtkitError);
  });

  it('names the field of invalid settings', () => {
    try {
      fromSettings({ heartbeatThreshold: 0, stack: 'pacemaker' });
      expect.unreachable();
    } catch (e) {
      const err = e as FtkitError;
      expect(err.code).toBe('o2cb/invalid-settings');
      expect(err.issues.map((i) => i.path)).toEqual([['stack'], ['heartbeatThreshold']]);
    }
    expect(() => fromSettings({ idleTimeoutMs: 3000, keepaliveDelayMs: 5000 })).toThrow(
      'keepaliveDelayMs: Expected the keepalive delay to be smaller than the idle timeout',
    );
  });

  it('quotes values that are not plain words so they source back unchanged', () => {
    const model = parse(`O2CB_BOOTCLUSTER='a b'"'"\n`).model;
    const text = emit(model, { form: 'minimal' });
    expect(text).toBe(`O2CB_BOOTCLUSTER='a b'\\'''\n`);
    expect(parse(text).model.variables.O2CB_BOOTCLUSTER).toBe("a b'");
  });
});

describe('schema', () => {
  it('fills defaults and enforces ranges', () => {
    expect(O2cbSettingsSchema.parse({})).toEqual({
      enabled: false,
      stack: 'o2cb',
      heartbeatThreshold: 31,
      idleTimeoutMs: 30000,
      keepaliveDelayMs: 2000,
      reconnectDelayMs: 2000,
    });
    expect(O2cbSettingsSchema.safeParse({ stack: 'pacemaker' }).success).toBe(false);
    expect(O2cbSettingsSchema.safeParse({ bootCluster: 'my-cluster' }).success).toBe(false);
    expect(O2cbSettingsSchema.safeParse({ heartbeatThreshold: 2 }).success).toBe(false);
    const r = O2cbSettingsSchema.safeParse({ idleTimeoutMs: 3000, keepaliveDelayMs: 5000 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['keepaliveDelayMs']);
  });

  it('matches the JSON Schema file the package ships', async () => {
    await expect(`${JSON.stringify(o2cbSettingsJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      '../schema/o2cb-settings.schema.json',
    );
  });

  it('parses to the settings types of the main entry', () => {
    expectTypeOf<z.output<typeof O2cbSettingsSchema>>().toMatchTypeOf<O2cbSettings>();
    expectTypeOf<O2cbSettings>().toMatchTypeOf<z.output<typeof O2cbSettingsSchema>>();
    expectTypeOf<O2cbSettingsInput>().toMatchTypeOf<z.input<typeof O2cbSettingsSchema>>();
  });
});

describe('edit', () => {
  const text = fixture('hand-edited-pcmk-quoted.o2cb');

  it('replaces the value of the winning assignment and keeps everything else', () => {
    const out = applyEdits(text, edit.set(text, 'O2CB_STACK', 'o2cb'));
    expect(out).toBe(text.replace("O2CB_STACK='pcmk'", 'O2CB_STACK=o2cb'));
    const out2 = applyEdits(text, edit.set(text, 'O2CB_ENABLED', 'false'));
    expect(out2).toContain('export O2CB_ENABLED=false\n');
  });

  it('appends a missing variable and quotes when needed', () => {
    const t = 'O2CB_ENABLED=true';
    expect(applyEdits(t, edit.set(t, 'O2CB_BOOTCLUSTER', 'web'))).toBe(
      'O2CB_ENABLED=true\nO2CB_BOOTCLUSTER=web\n',
    );
    expect(applyEdits('', edit.set('', 'X', 'a b'))).toBe("X='a b'\n");
  });

  it('rewrites a broken line for the variable', () => {
    const t = '# c\nO2CB_ENABLED = yes\n';
    expect(applyEdits(t, edit.set(t, 'O2CB_ENABLED', 'true'))).toBe('# c\nO2CB_ENABLED=true\n');
  });

  it('edits only the last of duplicate assignments and unsets all', () => {
    const t = 'A=1\nB=2\nA=3\n';
    expect(applyEdits(t, edit.set(t, 'A', '4'))).toBe('A=1\nB=2\nA=4\n');
    expect(applyEdits(t, edit.unset(t, 'A'))).toBe('B=2\n');
    expect(edit.set(t, 'A', '3')).toEqual([]);
  });

  test.prop([fc.string({ maxLength: 200 }), fc.string({ maxLength: 20 }).map((x) => x.replace(/\n/g, ''))])(
    'set then parse gives the value',
    (t, v) => {
      const s = t.replace(/\r/g, '');
      // A file bash cannot parse (`A= (`) sets nothing after the error, whatever we append:
      // `bash -c 'source f'` stops with a syntax error, and so does parse.
      fc.pre(!parse(s).diagnostics.some((d) => d.code === 'o2cb/shell-syntax'));
      const out = applyEdits(s, edit.set(s, 'O2CB_BOOTCLUSTER', v));
      expect(parse(out).model.variables.O2CB_BOOTCLUSTER).toBe(v);
    },
  );

  it('rejects names that are not shell names', () => {
    expect(() => edit.set('', 'A-B', 'x')).toThrow(FtkitError);
  });
});

describe('format', () => {
  it('normalises assignment lines and keeps comments', () => {
    const t = '# keep\n  export O2CB_ENABLED="true"   # why\nO2CB_STACK=\'pcmk\'\n';
    expect(format(t).text).toBe('# keep\nexport O2CB_ENABLED=true # why\nO2CB_STACK=pcmk\n');
    expect(format(format(t).text).text).toBe(format(t).text);
  });
});
