import { fc, test } from '@fast-check/vitest';
import { applyEdits } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import {
  edit,
  emit,
  emitData,
  emitEntry,
  FstabEntrySchema,
  formatText,
  fstabJsonSchema,
  parse,
} from '../src/index.js';
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

  test.prop([fc.array(entryArb, { maxLength: 6 }), fc.boolean()])(
    'emitData writes complete entries as emit does, and a parsed model back as the same entries',
    (entries, header) => {
      const text = emit({ entries }, { header });
      expect(emitData({ entries }, { header })).toBe(text);
      const model = parse(text).model;
      expect(emitData(model)).toBe(emit({ entries }));
    },
  );

  it('emitData does not validate (emit does)', () => {
    const bad = { spec: '', file: '/a', vfstype: 'ext4', mntops: 'defaults', freq: 0, passno: 0 };
    expect(() => emit({ entries: [bad] })).toThrow();
    expect(emitData({ entries: [bad] })).toBe(' /a ext4 defaults 0 0\n');
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
  it('matches the committed JSON Schema', async () => {
    await expect(`${JSON.stringify(fstabJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/fstab.schema.json',
    );
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
    expect(formatText(t).text).toBe(
      '# keep\n/dev/sda1  /         ext4 defaults 0 1\nLABEL=data /srv/data xfs  noatime\n',
    );
  });
  test.prop([fc.string({ maxLength: 200 })])('is idempotent and keeps the model', (s) => {
    const once = formatText(s).text;
    expect(formatText(once).text).toBe(once);
    expect(parse(once).model).toEqual(parse(s).model);
  });
});
