import { constants } from 'node:os';
import {
  type BorgDocument,
  borgErrorInfo,
  describeExitCode,
  type LogEvent,
  type LogRecord,
} from '@ftkit/borg-json';

/** How a borg run ended: `success` (rc 0), `warning` (rc 1, 100–127) or `error` (anything else). */
export type BorgVerdict = 'success' | 'warning' | 'error';

/**
 * What a reason is about, in kebab case: the file-level warnings borg reports
 * (`file-changed`, `permission-denied`, `file-not-found`, `io-error`, `os-error`, `backup-error`,
 * `race-condition`, `include-pattern-never-matched`), `warning` for any other warning, `error`
 * for an error message, `signal` when borg was stopped by one, and `exit-code` when the exit code
 * says more than the log (a log that was not kept, or an rc without a matching message).
 */
export type OutcomeReasonKind =
  | 'file-changed'
  | 'permission-denied'
  | 'file-not-found'
  | 'io-error'
  | 'os-error'
  | 'backup-error'
  | 'race-condition'
  | 'include-pattern-never-matched'
  | 'warning'
  | 'error'
  | 'signal'
  | 'exit-code';

/** One reason for a verdict: a warning or error borg logged, or what its exit code says. */
export interface OutcomeReason {
  readonly severity: 'warning' | 'error';
  readonly kind: OutcomeReasonKind;
  /** borg's message as it logged it (or a sentence about the exit code). */
  readonly message: string;
  /** borg's msgid (error class), when it logged one (1.4, 2.0 b8+; errors in every version). */
  readonly msgid?: string;
  /** The file a file-level warning is about, as borg printed it. */
  readonly path?: string;
  /** What to do about it. */
  readonly advice: string;
  /** 1-based line of the message in the `--log-json` stream, when it came from one. */
  readonly line?: number;
}

/** The archive a `create --json` document describes: what the metrics report. */
export interface OutcomeArchive {
  readonly name: string;
  /** Files in the archive. */
  readonly files?: number;
  /** Size of the files read, bytes. */
  readonly originalSize?: number;
  /** Size after compression, bytes (borg 1.x only). */
  readonly compressedSize?: number;
  /** Size of the new, deduplicated data this archive added, bytes (not in 2.0 b10+). */
  readonly deduplicatedSize?: number;
  /** borg's own duration of the create, seconds. */
  readonly durationSeconds?: number;
}

/** The verdict on one borg run and why. */
export interface BorgOutcome {
  readonly verdict: BorgVerdict;
  /** The exit code as the shell reports it (128 + N for signal N). */
  readonly rc: number;
  /** What the exit code means on its own (`warning`, `error: PassphraseWrong`, `killed by signal 15`). */
  readonly rcMeaning: string;
  /** The signal that stopped borg (rc 128 + N), as number and name. */
  readonly signal?: { readonly number: number; readonly name: string };
  /** Warnings and errors, in log order, then what the exit code adds. */
  readonly reasons: readonly OutcomeReason[];
  /** Warning messages in the log. */
  readonly warnings: number;
  /** Error messages in the log (a signal counts as one). */
  readonly errors: number;
  /** The archive of a `create --json` document, when one was given. */
  readonly archive?: OutcomeArchive;
  /** One line: `warning: 1 file changed while reading, 2 permission denied`. */
  readonly summary: string;
}

/** What {@link borgOutcome} reads. */
export interface OutcomeInput {
  /** borg's exit code as the shell reports it (0–255; 128 + N for signal N). */
  readonly rc: number;
  /** The `--log-json` stream's events (from `parseLog(…).records` or `readLog`), if kept. */
  readonly events?: Iterable<LogRecord | LogEvent>;
  /** The `--json` document borg printed on stdout (`create --json`), if any. */
  readonly document?: BorgDocument;
}

const WARNING_KIND: Readonly<Record<string, OutcomeReasonKind>> = {
  FileChangedWarning: 'file-changed',
  BackupPermissionError: 'permission-denied',
  BackupFileNotFoundError: 'file-not-found',
  BackupIOError: 'io-error',
  BackupOSError: 'os-error',
  BackupError: 'backup-error',
  BackupRaceConditionError: 'race-condition',
  IncludePatternNeverMatchedWarning: 'include-pattern-never-matched',
};

const WARNING_ADVICE: Readonly<Record<OutcomeReasonKind, string>> = {
  'file-changed':
    'The file was written while borg read it, so its archived copy may be inconsistent: back it up from a snapshot, or when nothing writes it',
  'permission-denied':
    'borg may not read the file: run borg as a user who can, or exclude the file if it need not be backed up',
  'file-not-found': 'A path given to borg does not exist or vanished during the run: fix the path list',
  'io-error': 'Reading the file failed: check the disk and the file system',
  'os-error': 'The operating system refused an operation on the file: see the message',
  'backup-error': 'borg could not back up the file: see the message',
  'race-condition': 'The file was replaced while borg opened it: it is in the next run',
  'include-pattern-never-matched': 'An include pattern matched nothing: fix or remove it',
  warning: 'See the message; the archive was written',
  error: 'See the message',
  signal: 'borg was stopped before it finished; the next run starts over',
  'exit-code': 'Keep borg’s --log-json output to see the reason',
};

/** What to do about an error, by msgid (the most frequent ones; others get the message). */
const ERROR_ADVICE: Readonly<Record<string, string>> = {
  PassphraseWrong: 'The passphrase is wrong: check BORG_PASSPHRASE or BORG_PASSCOMMAND for this repository',
  NoPassphraseFailure:
    'No passphrase and no terminal to ask for one: set BORG_PASSPHRASE or BORG_PASSCOMMAND',
  PasscommandFailure: 'BORG_PASSCOMMAND failed: run it by hand to see why',
  PasswordRetriesExceeded: 'Too many wrong passphrases typed: check the passphrase',
  LockTimeout:
    'Another borg process holds the repository lock: let it finish; if none runs, remove a stale lock with `borg break-lock`',
  LockError:
    'The repository lock could not be taken: see the message; `borg break-lock` removes a stale lock',
  LockErrorT:
    'The repository lock could not be taken: see the message; `borg break-lock` removes a stale lock',
  LockFailed: 'Creating the lock failed: check that the repository directory is writable',
  NotLocked: 'The lock was lost during the run: check that nothing removes it (another break-lock?)',
  NotMyLock: 'The lock was lost during the run: check that nothing removes it (another break-lock?)',
  'Repository.DoesNotExist': 'No repository at that path: check the path, or create it with `borg init`',
  'Repository.InvalidRepository': 'The path is not a borg repository: check the path',
  'Repository.AlreadyExists': 'A repository already exists there: use it, or choose another path',
  'Repository.CheckNeeded':
    'The repository is inconsistent: run `borg check`, then `borg check --repair` if it finds damage',
  'Repository.ObjectNotFound': 'An object is missing from the repository: run `borg check`',
  'Repository.InsufficientFreeSpaceError': 'The repository’s disk is full: free space, then run again',
  'Repository.StorageQuotaExceeded': 'The repository quota is used up: raise it or prune and compact',
  'Repository.PathPermissionDenied': 'borg may not access the repository path: check its owner and mode',
  'Archive.AlreadyExists': 'An archive of that name exists: put `{now}` or another placeholder in the name',
  'Archive.DoesNotExist': 'No archive of that name: see `borg list`',
  CommandError: 'borg refused the command line: fix the options',
  CancelledByUser: 'A prompt was declined: set the matching BORG_…_IS_OK variable if the action is intended',
  ConnectionClosed: 'The SSH connection to the repository server closed: check ssh, the key and the server',
  ConnectionClosedWithHint: 'The SSH connection to the repository server closed: see the hint in the message',
  ConnectionBrokenWithHint: 'The SSH connection broke: see the hint in the message',
  PathNotAllowed: 'The server’s `borg serve --restrict-to-path` does not allow this repository path',
  'RemoteRepository.RPCServerOutdated': 'borg on the server is too old: upgrade it',
  IntegrityError: 'Data failed its integrity check: run `borg check` (and check the disk)',
  FileIntegrityError:
    'A repository or cache file is corrupted: run `borg check`; delete the cache if it is the cache',
  DecompressionError: 'A chunk could not be decompressed: run `borg check --verify-data`',
  'Cache.RepositoryReplay':
    'The cache is newer than the repository (restored from backup?): delete the cache and run again',
  'Cache.EncryptionMethodMismatch':
    'The repository’s encryption changed since the cache was made: check that it is the same repository',
  'Cache.RepositoryAccessAborted':
    'Access to the repository was refused at a prompt: set the BORG_…_IS_OK variable if intended',
  'Cache.CacheInitAbortedError': 'The cache could not be created: see the message',
  Exception: 'borg crashed: the traceback follows in the log; report it to borg if it repeats',
};

/** Message patterns of borg 1.1/1.2 and 2.0 b5 warnings, which carry no msgid. */
const TEXT_PATTERNS: readonly [RegExp, OutcomeReasonKind][] = [
  [/: file changed while we backed it up$/, 'file-changed'],
  [/\[Errno 13\] Permission denied/, 'permission-denied'],
  [/\[Errno 2\] No such file or directory/, 'file-not-found'],
  [/\[Errno 5\] Input\/output error/, 'io-error'],
  [/^Include pattern '.*' never matched\.?$/, 'include-pattern-never-matched'],
  [/\[Errno \d+\]/, 'os-error'],
];

const RETRY = /, slept [\d.]+s, next: retry: \d+ of \d+\.\.\.$/;

const SIGNAL_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(constants.signals).map(([name, n]) => [n, name]),
);

function isRecord(e: LogRecord | LogEvent): e is LogRecord {
  return 'event' in e && typeof (e as { line?: unknown }).line === 'number';
}

/** `data/x: stat: [Errno 2] …` → `data/x` (the file a file-level warning names). */
function pathOf(message: string): string | undefined {
  const i = message.indexOf(': ');
  return i > 0 ? message.slice(0, i) : undefined;
}

function reasonOf(event: LogEvent, line: number | undefined): OutcomeReason | undefined {
  if (event.type !== 'log_message') return undefined;
  const level = event.levelname;
  if (level !== 'WARNING' && level !== 'ERROR' && level !== 'CRITICAL') return undefined;
  const at = line !== undefined ? { line } : {};
  const msgid = event.msgid;
  const message = event.message;
  // borg2 retries a file that failed (`…, slept 0.010s, next: retry: 3 of 9...`); only the
  // message after the last retry is the warning.
  if (RETRY.test(message)) return undefined;
  if (msgid?.startsWith('Signal.')) {
    return { severity: 'error', kind: 'signal', message, msgid, advice: WARNING_ADVICE.signal, ...at };
  }
  const info = msgid !== undefined ? borgErrorInfo(msgid) : undefined;
  if (info?.kind === 'error' || (info === undefined && level !== 'WARNING')) {
    const advice = (msgid !== undefined ? ERROR_ADVICE[msgid] : undefined) ?? 'See the message';
    return {
      severity: 'error',
      kind: 'error',
      message,
      ...(msgid !== undefined ? { msgid } : {}),
      advice,
      ...at,
    };
  }
  // A warning: by msgid (1.4, 2.0 b8+), else by the message borg 1.1, 1.2 and b5 print.
  let kind: OutcomeReasonKind | undefined = msgid !== undefined ? WARNING_KIND[msgid] : undefined;
  if (kind === undefined && info === undefined) kind = TEXT_PATTERNS.find(([re]) => re.test(message))?.[1];
  // Python warnings borg routes through its logger (`GetPassWarning` before a prompt) are not
  // about the backup.
  if (kind === undefined && (event.name === 'borg.logger' || event.name === 'py.warnings')) return undefined;
  kind ??= 'warning';
  const path = kind !== 'warning' && kind !== 'include-pattern-never-matched' ? pathOf(message) : undefined;
  return {
    severity: 'warning',
    kind,
    message,
    ...(msgid !== undefined ? { msgid } : {}),
    ...(path !== undefined ? { path } : {}),
    advice: WARNING_ADVICE[kind],
    ...at,
  };
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function archiveOf(document: BorgDocument | undefined): OutcomeArchive | undefined {
  if (document?.kind !== 'create') return undefined;
  const a = document.data.archive as Record<string, unknown>;
  const stats = (a.stats ?? {}) as Record<string, unknown>;
  const entries: [keyof OutcomeArchive, number | undefined][] = [
    ['files', num(stats.nfiles)],
    ['originalSize', num(stats.original_size)],
    ['compressedSize', num(stats.compressed_size)],
    ['deduplicatedSize', num(stats.deduplicated_size)],
    ['durationSeconds', num(a.duration)],
  ];
  return {
    name: String(a.name ?? ''),
    ...Object.fromEntries(entries.filter(([, v]) => v !== undefined)),
  };
}

const KIND_WORDS: Readonly<Record<OutcomeReasonKind, [string, string]>> = {
  'file-changed': ['file changed while reading', 'files changed while reading'],
  'permission-denied': ['permission denied', 'permission denied'],
  'file-not-found': ['file not found', 'files not found'],
  'io-error': ['I/O error', 'I/O errors'],
  'os-error': ['OS error', 'OS errors'],
  'backup-error': ['file not backed up', 'files not backed up'],
  'race-condition': ['file replaced while opening', 'files replaced while opening'],
  'include-pattern-never-matched': ['include pattern never matched', 'include patterns never matched'],
  warning: ['warning', 'warnings'],
  error: ['error', 'errors'],
  signal: ['signal', 'signals'],
  'exit-code': ['exit code', 'exit codes'],
};

function summarize(verdict: BorgVerdict, reasons: readonly OutcomeReason[]): string {
  if (verdict === 'success' || reasons.length === 0) return verdict;
  const relevant = reasons.filter((r) => verdict === 'warning' || r.severity === 'error');
  const parts: string[] = [];
  const counts = new Map<OutcomeReasonKind, number>();
  for (const r of relevant) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  for (const [kind, n] of counts) {
    if (kind === 'error' || kind === 'signal' || kind === 'exit-code') continue;
    parts.push(`${n} ${KIND_WORDS[kind][n === 1 ? 0 : 1]}`);
  }
  for (const r of relevant)
    if (r.kind === 'error' || r.kind === 'signal' || r.kind === 'exit-code')
      parts.push(r.msgid !== undefined ? `${r.msgid}: ${r.message}` : r.message);
  return `${verdict}: ${parts.join(', ')}`;
}

/**
 * The verdict on a finished borg run, from its exit code first, its `--log-json` messages second
 * and (for `create --json`) its document: `success` (rc 0), `warning` (rc 1, or 100–127 with
 * modern exit codes) or `error` (rc 2–99, or 128 + N when signal N stopped it), with each
 * warning and error borg logged as a reason (file changed while reading, permission denied, …;
 * each error with its msgid and what to do). Works for legacy exit codes (1.x, 2.0 up to b8) and
 * modern ones (`BORG_EXIT_CODES=modern` in 1.4, the default from 2.0 b9); borg 1.1, 1.2 and b5
 * warnings, which carry no msgid, are recognised by their message.
 */
export function borgOutcome(input: OutcomeInput): BorgOutcome {
  const { rc } = input;
  const reasons: OutcomeReason[] = [];
  for (const e of input.events ?? []) {
    const r = isRecord(e) ? reasonOf(e.event, e.line) : reasonOf(e, undefined);
    if (r) reasons.push(r);
  }
  const signalNumber = rc > 128 && rc < 256 ? rc - 128 : undefined;
  const verdict: BorgVerdict =
    rc === 0 ? 'success' : rc === 1 || (rc >= 100 && rc <= 127) ? 'warning' : 'error';
  const modern = rc >= 3 && rc <= 127;
  const rcMeaning = describeExitCode(rc, modern ? 'modern' : 'legacy');
  let signal: BorgOutcome['signal'];
  if (signalNumber !== undefined) {
    signal = { number: signalNumber, name: SIGNAL_NAMES.get(signalNumber) ?? `signal ${signalNumber}` };
    if (!reasons.some((r) => r.kind === 'signal'))
      reasons.push({
        severity: 'error',
        kind: 'signal',
        message: `borg was stopped by ${signal.name} (rc ${rc})`,
        advice: WARNING_ADVICE.signal,
      });
  }
  // The exit code says more than the log: no log kept, or a specific modern code without its message.
  const wanted = verdict === 'success' ? undefined : verdict;
  if (wanted !== undefined && !reasons.some((r) => r.severity === wanted)) {
    reasons.push({
      severity: wanted,
      kind: 'exit-code',
      message: `borg exited with rc ${rc} (${rcMeaning}) and logged no ${wanted} message`,
      advice: WARNING_ADVICE['exit-code'],
    });
  }
  const archive = archiveOf(input.document);
  return {
    verdict,
    rc,
    rcMeaning,
    ...(signal ? { signal } : {}),
    reasons,
    warnings: reasons.filter((r) => r.severity === 'warning' && r.kind !== 'exit-code').length,
    errors: reasons.filter((r) => r.severity === 'error' && r.kind !== 'exit-code').length,
    ...(archive ? { archive } : {}),
    summary: summarize(verdict, reasons),
  };
}
