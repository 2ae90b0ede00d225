import { describe, expect, it } from 'vitest';
import { outcomeMetrics } from '../src/outcome/metrics.js';
import { borgOutcome } from '../src/outcome/outcome.js';

const samples = (text: string) => text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
const run = { repository: '/srv/borg', job: 'etc', startedAt: 1_700_000_000, finishedAt: 1_700_000_042 };
const created = borgOutcome({
  rc: 0,
  document: {
    kind: 'create',
    major: 1,
    data: {
      archive: {
        name: 'etc-1',
        duration: 41.5,
        stats: { nfiles: 12, original_size: 4096, compressed_size: 2048, deduplicated_size: 1024 },
      },
    },
  } as never,
});

describe('borg.prom', () => {
  it('has every family with repository and job labels', async () => {
    expect(samples(await outcomeMetrics(created, run))).toEqual([
      'borg_last_run_timestamp_seconds{repository="/srv/borg",job="etc"} 1700000042',
      'borg_last_success_timestamp_seconds{repository="/srv/borg",job="etc"} 1700000042',
      'borg_last_run_duration_seconds{repository="/srv/borg",job="etc"} 42',
      'borg_last_run_outcome{repository="/srv/borg",job="etc"} 0',
      'borg_last_run_exit_code{repository="/srv/borg",job="etc"} 0',
      'borg_last_run_warnings{repository="/srv/borg",job="etc"} 0',
      'borg_last_run_errors{repository="/srv/borg",job="etc"} 0',
      'borg_last_archive_files{repository="/srv/borg",job="etc"} 12',
      'borg_last_archive_original_size_bytes{repository="/srv/borg",job="etc"} 4096',
      'borg_last_archive_compressed_size_bytes{repository="/srv/borg",job="etc"} 2048',
      'borg_last_archive_deduplicated_size_bytes{repository="/srv/borg",job="etc"} 1024',
    ]);
  });

  it('keeps the last success and the last archive when a run fails, and other jobs', async () => {
    const first = await outcomeMetrics(created, run);
    const other = await outcomeMetrics(created, { ...run, job: 'home "x"\\y', previous: first });
    const failed = await outcomeMetrics(borgOutcome({ rc: 2 }), {
      ...run,
      startedAt: 1_700_086_400,
      finishedAt: 1_700_086_401,
      previous: other,
    });
    const lines = samples(failed);
    expect(lines).toContain(
      'borg_last_success_timestamp_seconds{repository="/srv/borg",job="etc"} 1700000042',
    );
    expect(lines).toContain('borg_last_run_timestamp_seconds{repository="/srv/borg",job="etc"} 1700086401');
    expect(lines).toContain('borg_last_run_outcome{repository="/srv/borg",job="etc"} 2');
    expect(lines).toContain('borg_last_archive_files{repository="/srv/borg",job="etc"} 12');
    // The other job, with a label that needs escaping, is carried over unchanged.
    expect(lines).toContain('borg_last_run_outcome{repository="/srv/borg",job="home \\"x\\"\\\\y"} 0');
    expect(lines.filter((l) => l.startsWith('borg_last_run_outcome{'))).toHaveLength(2);
  });

  it('counts a warning as a run that wrote its archive', async () => {
    const warned = borgOutcome({
      rc: 1,
      events: [
        {
          type: 'log_message',
          time: 1,
          levelname: 'WARNING',
          name: 'borg.archiver',
          message: 'etc/x: file changed while we backed it up',
        },
      ],
    });
    const lines = samples(await outcomeMetrics(warned, run));
    expect(lines).toContain('borg_last_run_outcome{repository="/srv/borg",job="etc"} 1');
    expect(lines).toContain('borg_last_run_warnings{repository="/srv/borg",job="etc"} 1');
    expect(lines).toContain(
      'borg_last_success_timestamp_seconds{repository="/srv/borg",job="etc"} 1700000042',
    );
  });
});
