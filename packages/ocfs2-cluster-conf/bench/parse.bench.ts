import { test } from 'vitest';
import { emit, format, lint, listCluster, parse, parseCst } from '../src/index.js';

/** A 255-node cluster (the maximum) with three heartbeat regions, as o2cb writes it. */
export function bigFile(): string {
  let text = 'cluster:\n\tname = big\n\theartbeat_mode = global\n\tnode_count = 255\n\n';
  for (let r = 0; r < 3; r++)
    text += `heartbeat:\n\tcluster = big\n\tregion = ${String(r).padStart(32, '0')}\n\n`;
  for (let i = 0; i < 255; i++)
    text += `node:\n\tcluster = big\n\tnumber = ${i}\n\tip_port = 7777\n\tip_address = 10.0.${i >> 8}.${i & 255}\n\tname = node${i}\n\n`;
  return text;
}

const text = bigFile();
const model = parse(text).model;

// vitest 5 benchmarks are test-context fixtures: `bench(name, fn)` registers, `bench.compare` runs.
test(`255-node cluster.conf (${(text.length / 1024).toFixed(1)} KiB)`, async ({ bench }) => {
  await bench.compare(
    bench('parseCst', () => {
      parseCst(text);
    }),
    bench('parse (CST + model + o2cb checks)', () => {
      parse(text);
    }),
    bench('lint (parse + all rules)', () => {
      lint(text);
    }),
    bench('format', () => {
      format(text);
    }),
    bench('emit', () => {
      emit(model);
    }),
    bench('listCluster', () => {
      listCluster(model, 'big');
    }),
  );
});
