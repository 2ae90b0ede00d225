import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { emit, format, parse, simulateO2cbListCluster } from '../../src/index.js';
import { clusterConfFile, opsArb, pickName, replay, Scratch } from '../support/o2cb.js';

// Conformance against the real o2cb (ocfs2-tools 1.8.7). These fail, never skip, without o2cb.
const scratch = new Scratch();
afterAll(() => scratch.dispose());

function compare(text: string, name: string) {
  scratch.write(text);
  const real = scratch.o2cb('list-cluster', name);
  const ours = simulateO2cbListCluster(text, name, 'cluster.conf');
  return { real, ours };
}

describe('list-cluster agrees with o2cb', () => {
  const dir = join(import.meta.dirname, '../fixtures');
  const cases = readdirSync(dir, { withFileTypes: true }).filter(
    (d) => d.isDirectory() && d.name !== 'realworld',
  );
  it.each(cases.map((d) => d.name))('fixture %s', (c) => {
    const text = readFileSync(join(dir, c, 'cluster.conf'), 'latin1');
    for (const f of readdirSync(join(dir, c)).filter((x) => x.endsWith('.list.txt'))) {
      const { real, ours } = compare(text, f.replace(/\.list\.txt$/, ''));
      expect(ours.stdout).toBe(real.stdout);
      expect(ours.stderr).toBe(real.stderr);
      expect(ours.exitCode).toBe(real.status);
    }
  });

  it('on 250 generated files: same output, and o2cb accepts exactly the files without o2cb-tier errors', () => {
    let accepted = 0;
    fc.assert(
      fc.property(clusterConfFile, (text) => {
        const name = pickName(text);
        const { real, ours } = compare(text, name);
        expect({ text, out: ours.stdout, err: ours.stderr, code: ours.exitCode }).toEqual({
          text,
          out: real.stdout,
          err: real.stderr,
          code: real.status,
        });
        // "free of errors" ⇔ o2cb loads the file.
        const parsed = parse(text);
        expect(parsed.diagnostics.some((d) => d.severity === 'error')).toBe(real.status !== 0);
        if (real.status === 0) accepted++;
      }),
      { numRuns: 250 },
    );
    // The generator must reach both outcomes, or the agreement says little.
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(230);
  }, 180_000);
});

describe('format --check passes on files o2cb wrote', () => {
  it.each(['o2cb-local-2node', 'o2cb-global-3node', 'o2cb-two-clusters', 'o2cb-5node-custom-port'])(
    '%s',
    (c) => {
      const text = readFileSync(join(import.meta.dirname, '../fixtures', c, 'cluster.conf'), 'utf8');
      expect(format(text).text).toBe(text);
    },
  );
});

describe('o2cb command sequences', () => {
  it('40 sequences: our emit of the model equals o2cb byte for byte; our text edits mean the same and format to those bytes', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const { o2cb, ours } = replay(scratch, ops);
        const parsed = parse(o2cb);
        expect(parsed.diagnostics).toEqual([]);
        expect(emit(parsed.model)).toBe(o2cb);
        // Edits insert and delete stanzas but never move existing ones. o2cb rewrites the whole
        // file, and in a multi-cluster file a new heartbeat or node can move a whole group of
        // stanzas (see o2cbOrder); so the edited text must mean the same, and `format` must give
        // o2cb's exact bytes.
        expect(parse(ours).model).toEqual(parse(o2cb).model);
        expect(format(ours).text).toBe(o2cb);
      }),
      { numRuns: 40 },
    );
  }, 180_000);
});
