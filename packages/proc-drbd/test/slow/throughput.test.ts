import { expect, it } from 'vitest';
import { events2Stream, nodeExporterStyle, procWithMinors } from '../../bench/inputs.js';
import { Events2Parser, Events2Reducer, parseProcDrbd } from '../../src/index.js';

function mbPerSecond(text: string, fn: (t: string) => unknown, minMs = 1500): number {
  for (let i = 0; i < 50; i++) fn(text);
  let runs = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    fn(text);
    runs++;
  }
  return (text.length * runs) / ((performance.now() - start) / 1000) / 1e6;
}

it('parses /proc/drbd with 256 minors at ≥ 100 MB/s, and reports the comparison', () => {
  const proc = procWithMinors(256);
  expect(parseProcDrbd(proc).diagnostics).toEqual([]);
  const ours = mbPerSecond(proc, parseProcDrbd);
  const ne = mbPerSecond(proc, nodeExporterStyle);
  console.log(
    `proc 256 minors ${proc.length} bytes: parseProcDrbd ${ours.toFixed(0)} MB/s, node_exporter-style ${ne.toFixed(0)} MB/s`,
  );
  expect(ours).toBeGreaterThanOrEqual(100);
});

it('runs events2 through parser + reducer at ≥ 500,000 lines/s', () => {
  const lines = 200_000;
  const text = events2Stream(lines);
  const once = () => {
    const p = new Events2Parser();
    const r = new Events2Reducer();
    for (let i = 0; i < text.length; i += 65536) for (const e of p.push(text.slice(i, i + 65536))) r.apply(e);
    for (const e of p.end()) r.apply(e);
  };
  once();
  const start = performance.now();
  const rounds = 5;
  for (let i = 0; i < rounds; i++) once();
  const perSecond = (lines * rounds) / ((performance.now() - start) / 1000);
  console.log(`events2: ${Math.round(perSecond).toLocaleString('en')} lines/s`);
  expect(perSecond).toBeGreaterThanOrEqual(500_000);
});
