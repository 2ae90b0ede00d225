// In-process throughput, best and median of N runs, on `dist/` (run `npx tsup` first):
//   node bench/inproc.mjs [FILE] [RUNS]
// Without FILE it generates the 10,000-resource benchmark input (`bench/generate.ts`, needs
// Node 22's --experimental-strip-types; or pass a file written by it). DRBD_CONF_DIST=path
// measures another build (for before/after comparisons in the same minute).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const { dump, lex, parse, parseCst, print } = await import(
  process.env.DRBD_CONF_DIST ? pathToFileURL(process.env.DRBD_CONF_DIST).href : '../dist/index.js'
);

const [file, runsArg = '15'] = process.argv.slice(2);
const text = file ? readFileSync(file, 'utf8') : (await import('./generate.ts')).generateConfig(10_000);
const runs = Number(runsArg);
const mb = text.length / 1e6;
const model = parse(text).model;
const cases = {
  // `lex` left the public API (issue 14); builds from before that still export it.
  ...(lex ? { lex: () => lex(text) } : {}),
  parseCst: () => parseCst(text),
  'parseCst + print': () => print(parseCst(text)),
  parse: () => parse(text),
  dump: () => dump(model, { host: 'alice' }),
  'dump (text)': () => dump(text, { host: 'alice' }),
};
const only = process.env.ONLY;
console.log(`${mb.toFixed(2)} MB, ${runs} runs each`);
for (const [name, fn] of Object.entries(cases)) {
  if (only && !only.split(',').includes(name)) continue;
  const times = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const best = times[0];
  const med = times[Math.floor(times.length / 2)];
  console.log(
    `${name.padEnd(18)} best ${best.toFixed(0).padStart(5)} ms (${(mb / (best / 1000)).toFixed(1).padStart(5)} MB/s)  median ${med.toFixed(0).padStart(5)} ms (${(mb / (med / 1000)).toFixed(1).padStart(5)} MB/s)`,
  );
}
