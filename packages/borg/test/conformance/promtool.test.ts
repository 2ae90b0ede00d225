import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { outcomeMetrics } from '../../src/outcome/metrics.js';
import { borgOutcome } from '../../src/outcome/outcome.js';

/** `promtool check metrics` on an exposition: its output (empty when clean) and exit status. */
function promtool(text: string) {
  const r = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (r.error) throw new Error('promtool is not installed (Debian: apt-get install prometheus)');
  return { status: r.status, output: `${r.stdout}${r.stderr}`.trim() };
}

describe('borg.prom passes promtool check metrics', () => {
  const run = {
    repository: 'ssh://backup@nas/./repo',
    job: 'etc',
    startedAt: 1_700_000_000,
    finishedAt: 1_700_000_060,
  };
  it.each([
    ['success with an archive', 0],
    ['warning', 1],
    ['error', 2],
    ['SIGTERM', 143],
  ])('%s', async (_name, rc) => {
    const outcome = borgOutcome({
      rc,
      ...(rc === 0
        ? {
            document: {
              kind: 'create',
              major: 2,
              data: {
                archive: {
                  name: 'a',
                  duration: 1,
                  stats: { nfiles: 3, original_size: 10, deduplicated_size: 5 },
                },
              },
            } as never,
          }
        : {}),
    });
    const first = await outcomeMetrics(outcome, run);
    expect(promtool(first)).toEqual({ status: 0, output: '' });
    const merged = await outcomeMetrics(outcome, { ...run, job: 'home', previous: first });
    expect(promtool(merged)).toEqual({ status: 0, output: '' });
  });
});
