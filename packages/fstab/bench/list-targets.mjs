// Whole-process comparison with `findmnt --tab-file FILE -o TARGET -n` (see docs/performance.md):
// reads an fstab with the built package and prints every mount point, one per line.
// Usage: node bench/list-targets.mjs FILE [--lint]
import { readFileSync } from 'node:fs';
import { lint, parse } from '@ftkit/fstab';

const [file, flag] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
if (flag === '--lint') {
  const { diagnostics } = lint(text);
  process.stdout.write(`${diagnostics.length} findings\n`);
} else {
  process.stdout.write(
    parse(text)
      .model.entries.map((e) => e.file)
      .join('\n') + '\n',
  );
}
