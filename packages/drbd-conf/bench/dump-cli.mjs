// Whole-process comparison with `drbdadm -c FILE dump all` (hyperfine, see docs/performance.md):
// what `ftkit drbd dump FILE --host NAME` does, without loading the other format packages the
// CLI bundles. Run `npx tsup` first.   node bench/dump-cli.mjs FILE HOST
import { readFileSync } from 'node:fs';
import { dump, parse } from '../dist/index.js';

const [file, host = 'alice'] = process.argv.slice(2);
const r = parse(readFileSync(file, 'utf8'), { fileName: file });
if (r.diagnostics.some((d) => d.severity === 'error')) {
  process.stderr.write(`${r.diagnostics.length} problems\n`);
  process.exit(1);
}
process.stdout.write(dump(r.model, { host, configPath: file, definedAt: r.definedAt }));
