import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { FeatureContext, FormatFeatures } from '../src/features.js';
import { clusterConfFeatures } from '../src/formats/cluster-conf.js';
import { drbdFeatures } from '../src/formats/drbd.js';
import { fstabFeatures } from '../src/formats/fstab.js';
import { o2cbFeatures } from '../src/formats/o2cb.js';
import { editsBetween } from '../src/text-edits.js';
import { Workspace } from '../src/workspace.js';

// Editor features run on whatever is in the buffer, mid-keystroke: on any text and at any
// offset they must answer, never throw (a throw would fail the request in the editor).

const ws = join(import.meta.dirname, 'fixtures/workspace');
const workspace = new Workspace(ws);

const cases: [string, string, FormatFeatures][] = [
  ['drbd.d/global_common.conf', 'drbd.d/x.res', drbdFeatures],
  ['ocfs2/cluster.conf', 'ocfs2/cluster.conf', clusterConfFeatures],
  ['default/o2cb', 'default/o2cb', o2cbFeatures],
  ['fstab', 'fstab', fstabFeatures],
];

/** A real file with a random stretch replaced by random text (what a half-typed edit looks like). */
const mutated = (base: string) =>
  fc
    .record({
      at: fc.nat({ max: base.length }),
      del: fc.nat({ max: 40 }),
      insert: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
      offset: fc.nat(),
    })
    .map(({ at, del, insert, offset }) => {
      const text = base.slice(0, at) + insert + base.slice(at + del);
      return { text, offset: offset % (text.length + 1) };
    });

describe.each(cases)('%s', (fixture, name, features) => {
  const base = readFileSync(join(ws, fixture), 'utf8');
  test.prop(
    [
      fc.oneof(
        mutated(base),
        fc.record({ text: fc.string({ maxLength: 200 }), offset: fc.nat({ max: 200 }) }),
      ),
    ],
    {
      numRuns: 150,
    },
  )('hover, completion, navigation, symbols and refactorings never throw', ({ text, offset }) => {
    const ctx: FeatureContext = { path: join(ws, name), text, workspace, settings: {} };
    const at = Math.min(offset, text.length);
    for (const span of [
      ...(features.hover ? [features.hover(ctx, at)?.span] : []),
      ...(features.complete?.(ctx, at).map((c) => c.replace) ?? []),
      ...(features.definition?.(ctx, at).map((p) => (p.path === ctx.path ? p.span : undefined)) ?? []),
      ...(features.symbols?.(ctx).map((s) => s.span) ?? []),
      ...(features.refactorings?.(ctx, { start: at, end: at }).flatMap((r) => r.edits) ?? []),
    ]) {
      if (!span) continue;
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(text.length);
      expect(span.start).toBeLessThanOrEqual(span.end);
    }
  });
});

describe('editsBetween', () => {
  test.prop([fc.string({ maxLength: 200 }), fc.string({ maxLength: 200 })], { numRuns: 300 })(
    'turns one text into the other with sorted, non-overlapping edits',
    (a, b) => {
      const edits = editsBetween(a, b);
      let out = '';
      let pos = 0;
      for (const e of edits) {
        expect(e.start).toBeGreaterThanOrEqual(pos);
        out += a.slice(pos, e.start) + e.text;
        pos = e.end;
      }
      expect(out + a.slice(pos)).toBe(b);
    },
  );
});
