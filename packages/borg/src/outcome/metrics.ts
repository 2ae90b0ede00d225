import type { Gauge } from 'prom-client';
import type { BorgOutcome, BorgVerdict } from './outcome.js';

/** What {@link outcomeMetrics} needs besides the verdict. */
export interface OutcomeMetricsOptions {
  /** The `repository` label: the repository URL or path as the job names it. */
  readonly repository: string;
  /** The `job` label: which backup job this was (`etc`, `home`, the unit's name, …). */
  readonly job: string;
  /** When the run started, Unix time in seconds. */
  readonly startedAt: number;
  /** When it ended, Unix time in seconds. */
  readonly finishedAt: number;
  /**
   * The previous content of the textfile, if any: samples of other (repository, job) pairs are
   * kept, and so are this pair's `borg_last_success_timestamp_seconds` when this run failed and
   * its `borg_last_archive_*` when this run has no archive.
   */
  readonly previous?: string;
}

/** `borg_last_run_outcome` values. */
export const OUTCOME_VALUES: Readonly<Record<BorgVerdict, number>> = { success: 0, warning: 1, error: 2 };

const FAMILIES = {
  borg_last_run_timestamp_seconds: 'When the last borg run of the job ended, Unix time in seconds',
  borg_last_success_timestamp_seconds:
    'When the last borg run of the job that wrote its archive (success or warning) ended, Unix time in seconds',
  borg_last_run_duration_seconds: 'How long the last borg run of the job took, seconds',
  borg_last_run_outcome: 'Verdict of the last borg run: 0 success, 1 warning, 2 error',
  borg_last_run_exit_code: 'Exit code of the last borg run (128 + N when signal N stopped it)',
  borg_last_run_warnings: 'Warning messages borg logged in the last run',
  borg_last_run_errors: 'Error messages borg logged in the last run',
  borg_last_archive_files: 'Files in the archive the last run created',
  borg_last_archive_original_size_bytes: 'Size of the files the last run read, bytes',
  borg_last_archive_compressed_size_bytes: 'Size of the last archive after compression, bytes (borg 1.x)',
  borg_last_archive_deduplicated_size_bytes: 'New deduplicated data the last archive added, bytes',
} as const;

type Family = keyof typeof FAMILIES;
type Labels = { repository: string; job: string };

/** Samples of our families in a textfile we wrote before: `[family, labels, value]`. */
function previousSamples(text: string): [Family, Labels, number][] {
  const out: [Family, Labels, number][] = [];
  for (const line of text.split('\n')) {
    const m = /^(borg_[a-z_]+)\{(.*)\} (\S+)$/.exec(line);
    if (!m || !Object.hasOwn(FAMILIES, m[1]!)) continue;
    const labels: Record<string, string> = {};
    for (const l of m[2]!.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g))
      labels[l[1]!] = l[2]!.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
    const value = Number(m[3]);
    if (labels.repository === undefined || labels.job === undefined || Number.isNaN(value)) continue;
    out.push([m[1] as Family, { repository: labels.repository, job: labels.job }, value]);
  }
  return out;
}

/**
 * The Prometheus text exposition of a run's outcome for node_exporter's textfile collector
 * (`borg.prom`): last run and last success times, duration, outcome (0/1/2), exit code,
 * warning and error counts, and the archive's file count and sizes when a `create --json`
 * document was read, each labelled `repository` and `job`. Written through prom-client. With
 * `previous`, the other jobs' samples are kept, so several jobs can share one file.
 */
export async function outcomeMetrics(outcome: BorgOutcome, options: OutcomeMetricsOptions): Promise<string> {
  // Loaded here, not at import: programs that build commands or judge runs without writing
  // metrics (`ftkit lab generate`) do not pay for prom-client.
  const loaded = await import('prom-client');
  // prom-client is CommonJS: through Node's and bundlers' ESM interop its exports may sit on `default`.
  const { Gauge, Registry } = ((loaded as { default?: unknown }).default ?? loaded) as typeof loaded;
  const registry = new Registry();
  const gauges = Object.fromEntries(
    Object.entries(FAMILIES).map(([name, help]) => [
      name,
      new Gauge({ name, help, labelNames: ['repository', 'job'] as const, registers: [registry] }),
    ]),
  ) as Record<Family, Gauge<'repository' | 'job'>>;
  const ours: Labels = { repository: options.repository, job: options.job };
  const same = (l: Labels) => l.repository === ours.repository && l.job === ours.job;
  let lastSuccess: number | undefined;
  for (const [family, labels, value] of previousSamples(options.previous ?? '')) {
    if (!same(labels)) gauges[family].set(labels, value);
    else if (family === 'borg_last_success_timestamp_seconds') lastSuccess = value;
    // A run without an archive (an error, or not `create --json`) leaves the last archive's.
    else if (family.startsWith('borg_last_archive_') && !outcome.archive) gauges[family].set(labels, value);
  }
  const set = (family: Family, value: number | undefined) => {
    if (value !== undefined) gauges[family].set(ours, value);
  };
  if (outcome.verdict !== 'error') lastSuccess = options.finishedAt;
  set('borg_last_run_timestamp_seconds', options.finishedAt);
  set('borg_last_success_timestamp_seconds', lastSuccess);
  set('borg_last_run_duration_seconds', Math.max(0, options.finishedAt - options.startedAt));
  set('borg_last_run_outcome', OUTCOME_VALUES[outcome.verdict]);
  set('borg_last_run_exit_code', outcome.rc);
  set('borg_last_run_warnings', outcome.warnings);
  set('borg_last_run_errors', outcome.errors);
  const a = outcome.archive;
  set('borg_last_archive_files', a?.files);
  set('borg_last_archive_original_size_bytes', a?.originalSize);
  set('borg_last_archive_compressed_size_bytes', a?.compressedSize);
  set('borg_last_archive_deduplicated_size_bytes', a?.deduplicatedSize);
  return registry.metrics();
}
