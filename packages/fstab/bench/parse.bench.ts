import { test } from 'vitest';
import { emit, format, lint, parse } from '../src/index.js';

// A 10,000-line fstab: a header comment every 10 lines, OCFS2, ext4 and XFS entries, one escape.
const kinds = [
  'UUID=77d95ef5-1c01-49d2-8236-74fcc162cf8b /srv/web{i} ocfs2 _netdev,x-systemd.requires=o2cb.service 0 0',
  'LABEL=data{i}   /srv/data\\040{i}  ext4  noatime,errors=remount-ro  0 2',
  '/dev/mapper/vg-lv{i} /srv/x{i} xfs defaults,inode64,logbufs=8 0 2',
];
const lines: string[] = [];
for (let i = 0; lines.length < 10_000; i++) {
  lines.push(i % 10 === 0 ? `# block ${i}` : kinds[i % 3]!.replace(/\{i\}/g, String(i)));
}
export const TEXT = `${lines.join('\n')}\n`;
const model = parse(TEXT).model;

// vitest 5 benchmarks are test-context fixtures: `bench(name, fn)` registers, `bench.compare` runs.
test('fstab, 10,000 lines', async ({ bench }) => {
  await bench.compare(
    bench('parse', () => {
      parse(TEXT);
    }),
    bench('lint (all rules)', () => {
      lint(TEXT);
    }),
    bench('emit (aligned)', () => {
      emit(model);
    }),
    bench('format (re-align)', () => {
      format(TEXT);
    }),
  );
});
