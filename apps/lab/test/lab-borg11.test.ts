import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withMachineOutput } from '../src/actions/borg-outcome.js';
import { defaultLabSpec, generateLab, LabSpecCheckedSchema, labFiles, splitExecLine } from '../src/index.js';

const usage = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/borg-1.1-usage.json'), 'utf8')) as {
  common: string[];
  commands: Record<string, string[]>;
};

/** Every borg command line of a generated lab: units' ExecStart, RUNBOOK.md, authorized_keys. */
function borgLines(files: readonly { path: string; text: string }[]): string[] {
  const out: string[] = [];
  for (const f of files) {
    if (f.path.endsWith('.service'))
      for (const m of f.text.matchAll(/^ExecStart=(.*)$/gm)) {
        // `ftkit borg run … -- borg …` runs the borg command after `--`, adding `--log-json`
        // (and `--json` for create), which borg 1.1 has; other units (the DRBD exporter) run
        // other programs.
        const after = splitExecLine(m[1]!).join(' ').split(' -- ').pop()!.split(' ');
        if (!after.some((a) => /(^|\/)borg$/.test(a))) continue;
        out.push(withMachineOutput(after).argv.join(' '));
      }
    if (f.path.endsWith('RUNBOOK.md') || f.path.endsWith('authorized_keys'))
      // `ftkit borg run` is ftkit's command; the borg line follows its `--`.
      for (const m of f.text.matchAll(/(?:^|[("$ ])(?<!ftkit )(\/usr\/bin\/borg|borg) ([a-z][^\n)"]*)/gm))
        out.push(`borg ${m[2]}`);
  }
  return out;
}

/** The words of a borg 1.1 line that its docs do not know, e.g. `compact` or `--foo`. */
function unknownWords(line: string): string[] {
  const words = line.split(/\s+/).slice(1);
  const first = words.find((w) => !w.startsWith('-'));
  if (first === undefined) return [];
  const i = words.indexOf(first);
  const two = `${first} ${words[i + 1] ?? ''}`;
  const name = usage.commands[two] ? two : first;
  const allowed = usage.commands[name];
  if (!allowed) return [name];
  return words
    .filter((w) => w.startsWith('--'))
    .map((w) => w.split('=')[0]!)
    .filter((o) => !allowed.includes(o) && !usage.common.includes(o));
}

describe('borg 1.1 (Ubuntu 20.04): every generated borg command and option exists', () => {
  it('the default lab uses only what borg 1.1 has, and no `compact`', () => {
    const g = generateLab(LabSpecCheckedSchema.parse(defaultLabSpec), { secrets: { r0: 'x'.repeat(24) } });
    const lines = borgLines(labFiles(g));
    // Not vacuous: init, create, prune, check, list, extract, key export and serve are all here.
    for (const cmd of ['init', 'create', 'prune', 'check', 'list', 'extract', 'key export', 'serve'])
      expect(
        lines.some((l) => l.startsWith(`borg ${cmd} `) || l.includes(` ${cmd} `)),
        cmd,
      ).toBe(true);
    expect(lines.flatMap((l) => unknownWords(l).map((w) => `${w} in: ${l}`))).toEqual([]);
    expect(labFiles(g).find((f) => f.path.endsWith('borg-prune.service'))!.text).not.toContain('compact');
  });

  it('a borg 1.2 platform prunes and compacts, which the 1.1 table rejects', () => {
    const g = generateLab(LabSpecCheckedSchema.parse({ ...defaultLabSpec, platform: 'ubuntu-22.04' }));
    const unknown = borgLines(labFiles(g)).flatMap(unknownWords);
    expect(unknown).toContain('compact');
  });
});
