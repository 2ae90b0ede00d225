import { fc, test } from '@fast-check/vitest';
import { applyEdits, FtkitError } from '@ftkit/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  edit,
  emit,
  emitEntry,
  type FstabEntryData,
  type FstabEntryInput,
  format,
  parse,
} from '../src/index.js';
import { FstabEntrySchema, FstabSchema, fstabJsonSchema } from '../src/schema.js';
import { fixture } from './helpers.js';

const valueArb = fc.string({
  unit: fc.constantFrom('a', 'b', '/', ' ', '\t', '\\', '#', '=', ',', '1', 'é'),
  minLength: 1,
  maxLength: 8,
});
const entryArb = fc.record({
  spec: valueArb,
  file: valueArb,
  vfstype: valueArb,
  mntops: valueArb,
  freq: fc.integer({ min: -5, max: 5 }),
  passno: fc.integer({ min: 0, max: 2 }),
});

describe('emit', () => {
  it('aligns columns', () => {
    expect(
      emit({
        entries: [
          {
            spec: 'UUID=77d95ef5-1c01-49d2-8236-74fcc162cf8b',
            file: '/srv/web',
            vfstype: 'ocfs2',
            mntops: '_netdev',
          },
          { spec: '/dev/sdb1', file: '/srv/shared data', vfstype: 'xfs', passno: 2 },
        ],
      }),
    ).toBe(
      'UUID=77d95ef5-1c01-49d2-8236-74fcc162cf8b /srv/web            ocfs2 _netdev  0 0\n' +
        '/dev/sdb1                                 /srv/shared\\040data xfs   defaults 0 2\n',
    );
    expect(emitEntry({ spec: 'LABEL=a', file: '/a', vfstype: 'ext4' })).toBe('LABEL=a /a ext4 defaults 0 0');
  });

  test.prop([fc.array(entryArb, { maxLength: 6 })])(
    'writes a parsed model back as the same entries',
    (entries) => {
      const text = emit({ entries });
      expect(emit(parse(text).model)).toBe(text);
    },
  );

  const fieldArb = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.double(), fc.constant(undefined));
  test.prop([
    fc.record({
      spec: fieldArb,
      file: fieldArb,
      vfstype: fieldArb,
      mntops: fieldArb,
      freq: fieldArb,
      passno: fieldArb,
    }),
  ])('refuses exactly what the zod schema refuses, with an FtkitError', (entry) => {
    const call = () => emit({ entries: [entry as unknown as FstabEntryInput] });
    if (FstabEntrySchema.safeParse(entry).success) expect(call).not.toThrow();
    else expect(call).toThrow(FtkitError);
  });

  it('names the field of an invalid entry', () => {
    try {
      emit({
        entries: [
          { spec: 'a', file: '/a', vfstype: 'xfs' },
          { spec: 'b', file: '', vfstype: 'xfs', freq: 1.5 },
        ],
      });
      expect.unreachable();
    } catch (e) {
      const err = e as FtkitError;
      expect(err).toBeInstanceOf(FtkitError);
      expect(err.code).toBe('fstab/invalid-entry');
      expect(err.issues.map((i) => i.path)).toEqual([
        ['entries', 1, 'file'],
        ['entries', 1, 'freq'],
      ]);
    }
    expect(() => emit(undefined as never)).toThrow(FtkitError);
    expect(() => emitEntry({ spec: 'a', file: '/a' } as never)).toThrow('entry.vfstype');
  });

  test.prop([fc.array(entryArb, { maxLength: 8 }), fc.boolean()])(
    'parse(emit(m)) gives back the entries',
    (entries, header) => {
      const r = parse(emit({ entries }, { header }));
      expect(r.diagnostics).toEqual([]);
      expect(r.model.entries.map(({ options: _o, missing: _m, ...rest }) => rest)).toEqual(entries);
    },
  );

  it('re-emits the fixture model', () => {
    const model = parse(fixture()).model;
    expect(parse(emit(model)).model.entries).toEqual(model.entries);
  });

  it('rejects invalid entries built in code', () => {
    expect(() => emit({ entries: [{ spec: '', file: '/a', vfstype: 'ext4' }] })).toThrow();
  });
});

describe('schema', () => {
  it('fills defaults', () => {
    expect(FstabEntrySchema.parse({ spec: 'a', file: '/a', vfstype: 'xfs' })).toEqual({
      spec: 'a',
      file: '/a',
      vfstype: 'xfs',
      mntops: 'defaults',
      freq: 0,
      passno: 0,
    });
  });
  it('matches the JSON Schema file the package ships', async () => {
    await expect(`${JSON.stringify(fstabJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      '../schema/fstab.schema.json',
    );
  });
  it('parses to the model types of the main entry', () => {
    expectTypeOf<z.output<typeof FstabEntrySchema>>().toMatchTypeOf<FstabEntryData>();
    expectTypeOf<FstabEntryData>().toMatchTypeOf<z.output<typeof FstabEntrySchema>>();
    expectTypeOf<FstabEntryInput>().toMatchTypeOf<z.input<typeof FstabEntrySchema>>();
    expect(
      FstabSchema.safeParse({ entries: [{ spec: 'a', file: '/a', vfstype: 'xfs', freq: 0.5 }] }).success,
    ).toBe(false);
  });
});

describe('edit', () => {
  const text = fixture();

  it('adds an option without touching anything else', () => {
    const out = applyEdits(text, edit.addOption(text, '/u02/oradata', 'x-systemd.requires=o2cb.service'));
    expect(out).toBe(
      text.replace(
        '_netdev,nointr,noatime,coherency=buffered',
        '_netdev,nointr,noatime,coherency=buffered,x-systemd.requires=o2cb.service',
      ),
    );
    expect(edit.addOption(text, '/u02/oradata', 'noatime')).toEqual([]);
  });

  it('throws an FtkitError naming the argument when no entry mounts there', () => {
    const t = '/dev/a /a ocfs2 datavolume 0 0\n';
    for (const call of [
      () => edit.addOption(t, '/b', '_netdev'),
      () => edit.removeOption(t, '/b', 'datavolume'),
      () => edit.removeEntry(t, '/b'),
      () => edit.setField(t, '/b', 'passno', 2),
    ]) {
      expect(call).toThrow(FtkitError);
      expect(call).toThrow('No usable entry mounts at `/b`');
      try {
        call();
      } catch (e) {
        expect([(e as FtkitError).code, (e as FtkitError).path]).toEqual(['fstab/no-entry', ['mountPoint']]);
      }
    }
    expect(() => edit.setField(t, '/a', 'options' as never, 'x')).toThrow(FtkitError);
    expect(() => edit.addEntry(t, { spec: 'x', file: '', vfstype: 'xfs' })).toThrow('entry.file');
    expect(edit.removeOption(t, '/a', 'noatime')).toEqual([]);
  });

  it('removes options and falls back to defaults', () => {
    const t = '/dev/a /a ocfs2 datavolume 0 0\n';
    expect(applyEdits(t, edit.removeOption(t, '/a', 'datavolume'))).toBe('/dev/a /a ocfs2 defaults 0 0\n');
  });

  it('finds entries by decoded mount point and sets fields', () => {
    const out = applyEdits(text, edit.setField(text, '/srv/shared data', 'file', '/srv/shared new'));
    expect(out).toContain('/dev/disk/by-label/shared                    /srv/shared\\040new ocfs2');
    const t = '/dev/a /a ext4\n';
    expect(applyEdits(t, edit.setField(t, '/a', 'passno', 2))).toBe('/dev/a /a ext4 defaults 0 2\n');
  });

  it('appends entries aligned with the last entry and removes them', () => {
    const out = applyEdits(
      text,
      edit.addEntry(text, { spec: 'LABEL=x', file: '/x', vfstype: 'ocfs2', mntops: '_netdev' }),
    );
    expect(
      out.endsWith(
        'LABEL=x                                      /x             ocfs2  _netdev                                          0      0\n',
      ),
    ).toBe(true);
    expect(applyEdits(out, edit.removeEntry(out, '/x'))).toBe(text);
    expect(applyEdits('a b c', edit.addEntry('a b c', { spec: 'd', file: '/e', vfstype: 'f' }))).toBe(
      'a b c\nd /e f defaults 0 0\n',
    );
  });
});

describe('format', () => {
  it('aligns entry columns and keeps comments', () => {
    const t = '# keep\n/dev/sda1   /  ext4 defaults 0 1\nLABEL=data /srv/data\txfs noatime\n';
    expect(format(t).text).toBe(
      '# keep\n/dev/sda1  /         ext4 defaults 0 1\nLABEL=data /srv/data xfs  noatime\n',
    );
  });
  test.prop([fc.string({ maxLength: 200 })])('is idempotent and keeps the model', (s) => {
    const once = format(s).text;
    expect(format(once).text).toBe(once);
    expect(parse(once).model).toEqual(parse(s).model);
  });
});
