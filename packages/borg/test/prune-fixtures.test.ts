import { describe, expect, it } from 'vitest';
import { formatPruneLines, planPrune } from '../src/prune/plan.js';
import { fixture, policyOf } from './helpers.js';

interface Cmd {
  id: string;
  command: string;
  env?: string[];
  now_utc?: string;
  exit_code: number;
  outputs: { stream: string; file: string }[];
}

const versions = [
  ['1.2', '1.2.4'],
  ['1.4', '1.4.0'],
  ['2.0.0b5', '2.0.0b5'],
] as const;

for (const [dir, borgVersion] of versions) {
  const commands = (JSON.parse(fixture(`${dir}/commands.json`)) as { commands: Cmd[] }).commands.filter(
    (c) => c.id.startsWith('prune-') && c.exit_code === 0,
  );
  const schedule = fixture(`${dir}/prune/schedule.jsonl`)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { name: string; utc: string });
  const ids = new Map<string, string>(
    (
      JSON.parse(fixture(`${dir}/prune/archives-with-checkpoints.json`)).archives as {
        name: string;
        id: string;
      }[]
    ).map((a) => [a.name, a.id]),
  );
  describe(`borg ${borgVersion} prune --dry-run --list captures`, () => {
    it('has captures', () => expect(commands.length).toBeGreaterThanOrEqual(8));
    it.each(commands.map((c) => [c.id, c] as const))('%s: same lines', (_id, c) => {
      const { policy, prefix } = policyOf(c.command);
      const tz = c.env?.some((e) => e === 'TZ=UTC') ? 'UTC' : 'Europe/Berlin';
      const archives = schedule
        .filter((s) => prefix === undefined || s.name.startsWith(prefix))
        .map((s) => ({ name: s.name, id: ids.get(s.name)!, time: s.utc }));
      const plan = planPrune(archives, policy, { borgVersion, timeZone: tz, now: Date.parse(c.now_utc!) });
      const out = fixture(`${dir}/${c.outputs[0]!.file}`);
      const expected = c.command.includes('--log-json')
        ? out
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l))
            .filter((o) => o.name === 'borg.output.list')
            .map((o) => o.message as string)
        : out.split('\n').filter((l) => l !== '');
      expect(formatPruneLines(plan)).toEqual(expected);
    });
  });
}
