// Whole-process comparison with `drbdadm -c FILE dump all` (hyperfine, see docs/performance.md):
// what `ftkit drbd dump FILE --host NAME` does (parse, then dump), without the CLI around it.
// Run `npx tsup` first.   node bench/dump-cli.mjs FILE HOST
import { readFileSync } from 'node:fs';
import { dump, parse } from '../dist/index.js';

const [file, host = 'alice'] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const r = parse(text, { fileName: file });
if (r.diagnostics.some((d) => d.severity === 'error')) {
  process.stderr.write(`${r.diagnostics.length} problems\n`);
  process.exitCode = 1;
} else process.stdout.write(dump(r.model, { host, configPath: file, definedAt: r.definedAt }));
