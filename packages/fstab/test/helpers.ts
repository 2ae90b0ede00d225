import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';

/** The fixture text. */
export function fixture(name = 'ocfs2.fstab'): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

const fieldChars = fc.constantFrom(
  'a',
  'b',
  '/',
  '=',
  ',',
  '0',
  '1',
  '\\',
  '\\040',
  '\\134',
  '\\12',
  '#',
  '-',
  '.',
  '"',
);
const field = fc.array(fieldChars, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
const number = fc.constantFrom('0', '1', '2', '-1', '+2', '007', 'x', '1x', '99999999999', '0x1', '');
const sep = fc.constantFrom(' ', '\t', '  ', ' \t');
const entry = fc
  .record({
    indent: fc.constantFrom('', '', ' ', '\t'),
    fields: fc.array(field, { minLength: 1, maxLength: 4 }),
    nums: fc.array(number, { maxLength: 3 }),
    seps: fc.array(sep, { minLength: 8, maxLength: 8 }),
    trailing: fc.constantFrom('', '', ' ', '\r', ' \r', '\t'),
  })
  .map((r) => {
    const all = [...r.fields, ...(r.fields.length === 4 ? r.nums.filter((n) => n !== '') : [])];
    return r.indent + all.map((f, i) => (i === 0 ? f : r.seps[i]! + f)).join('') + r.trailing;
  });

/** Lines of a plausible fstab, valid and broken. */
export const lineArb = fc.oneof(
  { weight: 6, arbitrary: entry },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\r') },
  { weight: 1, arbitrary: fc.constantFrom('# c', '  # indented', '#', '\t#x y') },
);

/** A generated fstab. */
export const fileArb = fc
  .tuple(fc.array(lineArb, { minLength: 1, maxLength: 15 }), fc.boolean())
  .map(([lines, nl]) => lines.join('\n') + (nl ? '\n' : ''));

/** What findmnt (libmount) reads from a file: the entries and the lines it reports as parse errors. */
export interface FindmntResult {
  readonly entries: {
    spec: string;
    file: string;
    vfstype: string;
    mntops: string;
    freq: number;
    passno: number;
  }[];
  readonly errorLines: number[];
}

const dir = mkdtempSync(join(tmpdir(), 'ftkit-fstab-'));
let n = 0;

/** Fails with an install hint when findmnt is missing. */
export function requireFindmnt(): void {
  if (!existsSync('/usr/bin/findmnt') && !existsSync('/bin/findmnt')) {
    throw new Error(
      'findmnt not found: install util-linux (apt-get install util-linux) to run the conformance tests',
    );
  }
}

const decode = (s: string) =>
  s.replace(/\\x([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

/** Runs `findmnt -s --tab-file FILE -P` and decodes its output. */
export function findmnt(text: string): FindmntResult {
  const file = join(dir, `t${n++}.fstab`);
  writeFileSync(file, text);
  // `-s` (--fstab) parses the file as fstab, as mount(8) and systemd do. Without it findmnt
  // guesses the format from the first entry and reads a file starting `1-1 …` or `12 34 …` as
  // mountinfo, rejecting every line.
  const r = spawnSync(
    'findmnt',
    ['-s', '--tab-file', file, '-o', 'SOURCE,TARGET,FSTYPE,OPTIONS,FREQ,PASSNO', '-P'],
    {
      encoding: 'utf8',
    },
  );
  if (r.error) throw r.error;
  // findmnt exits 1 when the file has no usable entry; its output is still what we compare.
  const stdout = r.stdout;
  const stderr = r.stderr;
  const entries = stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = /^SOURCE="(.*)" TARGET="(.*)" FSTYPE="(.*)" OPTIONS="(.*)" FREQ="(.*)" PASSNO="(.*)"$/.exec(
        line,
      );
      if (!m) throw new Error(`unexpected findmnt line ${line}`);
      return {
        spec: decode(m[1]!),
        file: decode(m[2]!),
        vfstype: decode(m[3]!),
        mntops: decode(m[4]!),
        freq: Number(m[5]),
        passno: Number(m[6]),
      };
    });
  const errorLines = [...stderr.matchAll(/parse error at line (\d+)/g)].map((m) => Number(m[1]));
  return { entries, errorLines };
}
