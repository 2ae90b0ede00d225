import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnosticLine } from '@ftkit/core';
import { describe, expect, it } from 'vitest';
import { emit, listCluster, parse, parseCst, print, simulateO2cbListCluster } from '../src/index.js';

const dir = join(import.meta.dirname, 'fixtures');
const cases = readdirSync(dir, { withFileTypes: true })
  // realworld/ holds flat files people wrote; test/realworld.test.ts reads them.
  .filter((d) => d.isDirectory() && d.name !== 'realworld')
  .map((d) => d.name)
  .sort();

describe.each(cases)('fixture %s', (name) => {
  const text = readFileSync(join(dir, name, 'cluster.conf'), 'utf8');
  const lists = readdirSync(join(dir, name)).filter((f) => f.endsWith('.list.txt'));

  it('prints losslessly', () => {
    expect(print(parseCst(text))).toBe(text);
  });

  it.each(lists)('agrees with o2cb list-cluster (%s)', (listFile) => {
    const cluster = listFile.replace(/\.list\.txt$/, '');
    const want = readFileSync(join(dir, name, listFile), 'utf8');
    const sim = simulateO2cbListCluster(text, cluster, 'cluster.conf');
    expect(sim.stdout + sim.stderr).toBe(want);
    expect(sim.exitCode).toBe(name.startsWith('invalid-') ? 1 : 0);
  });

  it('has the expected diagnostics', async () => {
    const r = parse(text, { fileName: 'cluster.conf' });
    await expect(r.diagnostics.map(formatDiagnosticLine).join('\n') + '\n').toMatchFileSnapshot(
      `__snapshots__/${name}.diagnostics.txt`,
    );
    expect(r.o2cb.accepted).toBe(!name.startsWith('invalid-'));
  });

  it('emits o2cb-written files byte for byte', () => {
    const r = parse(text);
    if (name.startsWith('o2cb-') || name.endsWith('-rewritten')) expect(emit(r.model)).toBe(text);
    else expect(parse(emit(r.model)).model).toEqual(r.model);
  });
});

it('listCluster returns undefined for an unknown cluster', () => {
  expect(listCluster({ clusters: [] }, 'x')).toBeUndefined();
});
