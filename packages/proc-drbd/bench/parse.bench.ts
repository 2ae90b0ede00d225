import { test } from 'vitest';
import { Events2Parser, Events2Reducer, parseProcDrbd, procToStatus } from '../src/index.js';
import { events2Stream, nodeExporterStyle, procWithMinors } from './inputs.js';

const proc = procWithMinors(256);
const events = events2Stream(100_000);

// vitest 5 benchmarks are test-context fixtures: `bench(name, fn)` registers, `bench.compare` runs.
test(`/proc/drbd, 256 minors (${(proc.length / 1024).toFixed(1)} KiB, every 4th resyncing)`, async ({
  bench,
}) => {
  await bench.compare(
    bench('parseProcDrbd (every field)', () => {
      parseProcDrbd(proc);
    }),
    bench('parseProcDrbd + procToStatus (normalised model)', () => {
      procToStatus(parseProcDrbd(proc).model);
    }),
    bench('node_exporter-style whitespace split', () => {
      nodeExporterStyle(proc);
    }),
  );
});

test('events2, 100,000 lines through parser + reducer', async ({ bench }) => {
  await bench.compare(
    bench('Events2Parser only (64 KiB chunks)', () => {
      const p = new Events2Parser();
      for (let i = 0; i < events.length; i += 65536) p.push(events.slice(i, i + 65536));
      p.end();
    }),
    bench('Events2Parser (64 KiB chunks) + Events2Reducer', () => {
      const p = new Events2Parser();
      const r = new Events2Reducer();
      for (let i = 0; i < events.length; i += 65536)
        for (const e of p.push(events.slice(i, i + 65536))) r.apply(e);
      for (const e of p.end()) r.apply(e);
    }),
  );
});
